/**
 * Daily series as plain SVG (no chart library: two chart kinds do not earn one): stacked bars for
 * counts, lines for rates. Each chart is an `img` with a title and a description, every bar or
 * point has a tooltip title, and `chartTable` gives the same figures as a table for screen
 * readers and for anyone who wants the numbers. Colours come from CSS classes (`chart-s0`,
 * `chart-s1`, ...), never inline styles: the page's CSP forbids them.
 */
import { h } from './render.js'

const SVG = 'http://www.w3.org/2000/svg'

export interface Series {
  name: string
  /** One value per day; null where there is nothing to measure (a rate on a day with no question). */
  values: ReadonlyArray<number | null>
}

export interface ChartSpec {
  /** Prefix of the ids inside the chart (title, description). */
  id: string
  title: string
  description: string
  kind: 'bars' | 'lines'
  /** YYYY-MM-DD, one per value. */
  days: readonly string[]
  series: readonly Series[]
  /** Top of the scale; default: the largest value (bars: the largest stack) rounded up. */
  max?: number
  /** How a value is written on the axis, in tooltips and in the table. */
  format: (v: number) => string
}

type Attrs = Record<string, string | number>

function svg(doc: Document, tag: string, attrs: Attrs, ...children: Array<Node | string>): SVGElement {
  const el = doc.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  el.append(...children)
  return el
}

/** The smallest 1, 2 or 5 times a power of ten at or above `v` (at least 1). */
export function niceStep(v: number): number {
  if (!(v > 1)) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p
  return 10 * p
}

/** A scale for counts up to `largest`: whole steps of 1, 2 or 5 times a power of ten, at most four of them. */
export function countScale(largest: number): { max: number; step: number } {
  const step = niceStep(largest / 4)
  return { max: Math.max(step, Math.ceil(largest / step) * step), step }
}

/** A day as the axis writes it: "Dec 1". */
export function shortDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' })
}

/** The indexes of the days labelled under the axis: evenly spread, the last always, at most `room`. */
export function labelledDays(n: number, room: number): number[] {
  if (n <= 0) return []
  const every = Math.max(1, Math.ceil(n / Math.max(1, room)))
  const out: number[] = []
  for (let i = (n - 1) % every; i < n; i += every) out.push(i)
  return out
}

/** The chart as an SVG `width` pixels wide (drawn again at the new width when the page resizes). */
export function chart(doc: Document, spec: ChartSpec, width: number): SVGElement {
  const W = Math.max(240, Math.round(width))
  const H = W < 480 ? 180 : 220
  const m = { left: 44, right: 10, top: 10, bottom: 26 }
  const plotW = W - m.left - m.right
  const plotH = H - m.top - m.bottom
  const n = spec.days.length
  const stack = (i: number) => spec.series.reduce((s, x) => s + (x.values[i] ?? 0), 0)
  const largest =
    spec.kind === 'bars' ? Math.max(0, ...spec.days.map((_, i) => stack(i))) : Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0)))
  const scale = spec.max !== undefined ? { max: spec.max, step: spec.max / 4 } : countScale(largest)
  const max = scale.max
  const y = (v: number) => m.top + plotH - (Math.min(v, max) / max) * plotH
  const step = n > 0 ? plotW / n : plotW
  const cx = (i: number) => m.left + step * (i + 0.5)

  const root = svg(doc, 'svg', {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: 'img',
    class: `chart chart-${spec.kind}`,
    'aria-labelledby': `${spec.id}-title ${spec.id}-desc`,
  })
  root.append(svg(doc, 'title', { id: `${spec.id}-title` }, spec.title), svg(doc, 'desc', { id: `${spec.id}-desc` }, spec.description))

  const grid = svg(doc, 'g', { class: 'chart-grid', 'aria-hidden': 'true' })
  for (let t = 0; t * scale.step <= max + 1e-9; t++) {
    const v = t * scale.step
    const ty = y(v)
    grid.append(
      svg(doc, 'line', { x1: m.left, x2: W - m.right, y1: ty, y2: ty, class: t === 0 ? 'chart-axis' : 'chart-rule' }),
      svg(doc, 'text', { x: m.left - 6, y: ty + 4, 'text-anchor': 'end', class: 'chart-label' }, spec.format(v)),
    )
  }
  for (const i of labelledDays(n, Math.floor(plotW / 64))) {
    grid.append(svg(doc, 'text', { x: cx(i), y: H - 8, 'text-anchor': 'middle', class: 'chart-label' }, shortDay(spec.days[i]!)))
  }
  root.append(grid)

  const marks = svg(doc, 'g', { class: 'chart-marks' })
  if (spec.kind === 'bars') {
    const bw = Math.max(1, Math.min(28, step * 0.7))
    spec.days.forEach((day, i) => {
      let base = 0
      const parts = spec.series.map((s) => `${s.values[i] ?? 0} ${s.name.toLowerCase()}`).join(', ')
      const g = svg(doc, 'g', {}, svg(doc, 'title', {}, `${shortDay(day)}: ${parts}`))
      spec.series.forEach((s, k) => {
        const v = s.values[i] ?? 0
        if (v <= 0) return
        g.append(svg(doc, 'rect', { x: cx(i) - bw / 2, width: bw, y: y(base + v), height: Math.max(0.5, y(base) - y(base + v)), class: `chart-s${k}` }))
        base += v
      })
      marks.append(g)
    })
  } else {
    spec.series.forEach((s, k) => {
      // A null breaks the line: a rate on a day nobody asked anything is not zero.
      let d = ''
      let pen = false
      const points = svg(doc, 'g', { class: `chart-points chart-s${k}` })
      s.values.forEach((v, i) => {
        if (v === null) {
          pen = false
          return
        }
        d += `${pen ? 'L' : 'M'}${cx(i).toFixed(1)} ${y(v).toFixed(1)}`
        pen = true
        points.append(
          svg(doc, 'circle', { cx: cx(i), cy: y(v), r: n > 45 ? 2 : 3.5 }, svg(doc, 'title', {}, `${shortDay(spec.days[i]!)}: ${s.name} ${spec.format(v)}`)),
        )
      })
      marks.append(svg(doc, 'path', { d, class: `chart-line chart-s${k}`, fill: 'none' }), points)
    })
  }
  root.append(marks)
  return root
}

/** The legend: one swatch per series. */
export function legend(doc: Document, spec: ChartSpec): HTMLElement {
  return h(
    doc,
    'ul',
    { class: 'chart-legend', 'aria-hidden': 'true' },
    ...spec.series.map((s, k) => h(doc, 'li', {}, h(doc, 'span', { class: `chart-swatch chart-s${k}` }), s.name)),
  )
}

/** The chart's figures as a table: a day per row, a series per column ("–" where there is no value). */
export function chartTable(doc: Document, spec: ChartSpec): HTMLTableElement {
  const head = h(doc, 'tr', {}, h(doc, 'th', { scope: 'col' }, 'Day'), ...spec.series.map((s) => h(doc, 'th', { scope: 'col' }, s.name)))
  const rows = spec.days.map((day, i) =>
    h(doc, 'tr', {}, h(doc, 'th', { scope: 'row' }, day), ...spec.series.map((s) => h(doc, 'td', {}, s.values[i] == null ? '–' : spec.format(s.values[i]!)))),
  )
  return h(doc, 'table', { class: 'data' }, h(doc, 'caption', {}, spec.title), h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows)) as HTMLTableElement
}
