/**
 * "Did this solve it?", asked under an article opened from results (the widget and the hosted
 * page): three one-click answers, sent as `POST /api/feedback` with the answer's queryId, then a
 * thank-you. The KCS loop counts them per article (GET /api/insights/articles).
 */
import { KbError, type Verdict } from './api.js'
import { h } from './render.js'

/** The three answers, in the order shown. */
export const VERDICTS: ReadonlyArray<{ verdict: Verdict; label: string; thanks: string }> = [
  { verdict: 'solved', label: 'Yes', thanks: 'Thank you! Glad it helped.' },
  { verdict: 'not-related', label: 'No, not related', thanks: 'Thank you. That helps us find better articles for this problem.' },
  { verdict: 'related-but-not-solved', label: 'Related, but not solved', thanks: 'Thank you. We will use that to improve this article.' },
]

/** The question with its three buttons; `send` posts the verdict (a rejection shows the error and lets the visitor try again). */
export function feedbackBox(doc: Document, opts: { idPrefix: string; send: (v: Verdict) => Promise<void>; answered?: Verdict | undefined }): HTMLElement {
  const questionId = `${opts.idPrefix}feedback-q`
  const box = h(doc, 'section', { class: 'kb-feedback', 'aria-labelledby': questionId })
  const status = h(doc, 'p', { class: 'kb-feedback-status', role: 'status' })
  const thank = (v: Verdict) => {
    const thanks = VERDICTS.find((x) => x.verdict === v)?.thanks ?? 'Thank you.'
    box.replaceChildren(h(doc, 'p', { class: 'kb-feedback-thanks', id: questionId, role: 'status', tabindex: '-1' }, thanks))
  }
  if (opts.answered) {
    thank(opts.answered)
    return box
  }
  const buttons = VERDICTS.map(({ verdict, label }) => {
    const b = h(doc, 'button', { type: 'button', class: `kb-feedback-answer kb-feedback-${verdict}`, 'data-verdict': verdict }, label) as HTMLButtonElement
    b.addEventListener('click', async () => {
      const hadFocus = (b.getRootNode() as Document | ShadowRoot).activeElement === b
      for (const x of buttons) x.disabled = true
      status.textContent = 'Sending…'
      try {
        await opts.send(verdict)
        thank(verdict)
        // Keep keyboard users where they were: the button they pressed is gone.
        if (hadFocus) box.querySelector<HTMLElement>('.kb-feedback-thanks')?.focus({ preventScroll: true })
      } catch (err) {
        status.textContent = err instanceof KbError ? `Your answer was not sent: ${err.message}` : 'Your answer was not sent. Try again.'
        status.classList.add('kb-feedback-error')
        for (const x of buttons) x.disabled = false
      }
    })
    return b
  })
  box.append(
    h(doc, 'p', { class: 'kb-feedback-q', id: questionId }, 'Did this solve it?'),
    h(doc, 'div', { class: 'kb-feedback-answers', role: 'group', 'aria-labelledby': questionId }, ...buttons),
    status,
  )
  return box
}
