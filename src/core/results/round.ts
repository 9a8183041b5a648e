/** Round a score for display (answers show 4 places; more would only show float noise). */
export function round(n: number, places = 4): number {
  const f = 10 ** places
  return Math.round(n * f) / f
}
