// The list a message's URLs go under, as SQL: the first list it was stored to. One fragment for every query that
// links messages, so that a message on two lists is linked under the same one everywhere (its home, its
// mentions on entity pages, search hits, regression stories).

/** A scalar subquery giving the list name of the message row aliased `alias` (NULL when it is on none). */
export function messageListSql(alias = "m"): string {
  return `(SELECT l.name FROM message_list ml JOIN list l ON l.id = ml.list_id WHERE ml.message_row_id = ${alias}.id ORDER BY ml.list_id LIMIT 1)`;
}
