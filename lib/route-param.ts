// A dynamic route segment as the text it names: percent-decoded once, or null when it is not valid
// percent-encoding (the page then answers not-found rather than failing).

export function routeParam(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
