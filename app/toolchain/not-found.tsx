// The 404 under /toolchain/: names what was asked for and offers a search instead.
import { EntityNotFound } from "../../components/entity-not-found";

export default function NotFound() {
  return <EntityNotFound kind="toolchain" />;
}
