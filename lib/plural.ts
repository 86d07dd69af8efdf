// Counted nouns for pages and descriptions: "1 thread", "3 threads".

export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : nouns}`;
}
