/*! Verifier embed v1: <verified-badge src="https://…"></verified-badge>. No dependencies, no global CSS. */
// A displayer site drops this in to show, next to a badge, whether the verifier finds it valid. Attributes:
//   src        the badge's URL (hosted assertion, credential or baked image), verified with GET /api/verify?url=
//   data-jws   a compact JWS / VC-JWT, or a child <script type="application/json"> holding the badge JSON (POSTed)
//   recipient  the expected earner (optional)        service  the verifier's origin (default: where this file came from)
// Results are cached per page (one request per badge and service). Report strings reach the DOM as text only.
(() => {
  'use strict';
  if (!window.customElements || customElements.get('verified-badge')) return;

  const script = document.currentScript;
  const defaultService = script && script.src ? new URL(script.src).origin : location.origin;
  const cache = new Map();

  const CSS = `
:host{display:inline-block;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;position:relative;vertical-align:middle}
button{font:inherit;display:inline-flex;gap:.4em;align-items:center;border:1px solid;border-radius:999px;padding:.2em .75em;cursor:pointer;background:#fff;color:#1b1f24;min-height:24px}
button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.valid{color:#116329;background:#dafbe1}.invalid{color:#a40e26;background:#ffebe9}.unknown{color:#7d4e00;background:#fff8c5}.pending{color:#57606a;background:#f6f8fa}
.mark{font-weight:700}.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.panel{position:absolute;z-index:10;top:calc(100% + 4px);left:0;width:max-content;max-width:min(22rem,90vw);background:#fff;color:#1b1f24;border:1px solid #57606a;border-radius:6px;padding:.6em .8em;box-shadow:0 4px 12px rgba(0,0,0,.2);overflow-wrap:anywhere}
.panel[hidden]{display:none}.panel p{margin:.2em 0}.panel strong{display:block;font-size:1.05em}.panel a{color:#0550ae}.small{color:#57606a;font-size:.9em}`;

  const WORDS = { valid: ['\u2713', 'Valid'], invalid: ['\u2717', 'Not valid'], unknown: ['?', 'Could not check'], pending: ['\u2026', 'Checking'] };

  function make(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = String(text);
    return n;
  }

  function date(value) {
    const d = value ? new Date(value) : null;
    if (!d || isNaN(d)) return null;
    const midnight = !d.getUTCHours() && !d.getUTCMinutes() && !d.getUTCSeconds();
    return new Intl.DateTimeFormat(undefined, midnight ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' }).format(d);
  }

  function request(service, el) {
    const query = new URLSearchParams();
    const recipient = el.getAttribute('recipient');
    if (recipient) query.set('recipient', recipient);
    const src = el.getAttribute('src');
    if (src) {
      query.set('url', new URL(src, location.href).href);
      return { url: `${service}/api/verify?${query}`, init: { method: 'GET' }, link: query.get('url') };
    }
    const inline = el.querySelector('script[type="application/json"],script[type="application/ld+json"]');
    const body = (el.getAttribute('data-jws') || (inline && inline.textContent) || '').trim();
    if (!body) return null;
    const type = body.startsWith('{') ? 'application/json' : 'text/plain';
    return { url: `${service}/api/verify?${query}`, init: { method: 'POST', body, headers: { 'Content-Type': type } }, link: null };
  }

  function load(req) {
    const key = req.url + '\n' + (req.init.body || '');
    if (!cache.has(key)) {
      cache.set(key, fetch(req.url, { ...req.init, credentials: 'omit', headers: { Accept: 'application/json', ...(req.init.headers || {}) } })
        .then((r) => (r.ok ? r.json() : r.json().catch(() => ({})).then((p) => ({ outcome: 'problem', problem: p, status: r.status }))))
        .catch((e) => ({ outcome: 'problem', problem: { detail: String((e && e.message) || e) }, status: 0 })));
    }
    return cache.get(key);
  }

  class VerifiedBadge extends HTMLElement {
    static get observedAttributes() { return ['src', 'data-jws', 'recipient', 'service']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      if ('adoptedStyleSheets' in root && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS); // a constructed sheet: no inline <style>, so a strict CSP on the host page allows it
        root.adoptedStyleSheets = [sheet];
      } else {
        root.append(make('style', null, CSS));
      }
      this.button = make('button');
      this.button.type = 'button';
      this.button.setAttribute('aria-expanded', 'false');
      this.panel = make('div', 'panel');
      this.panel.id = 'details';
      this.panel.hidden = true;
      this.panel.setAttribute('role', 'region');
      this.button.setAttribute('aria-controls', 'details');
      this.button.addEventListener('click', () => this.toggle());
      root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !this.panel.hidden) { this.toggle(false); this.button.focus(); } });
      root.append(this.button, this.panel);
      this.run = 0;
    }

    connectedCallback() { this.verify(); }

    attributeChangedCallback() { if (this.isConnected) this.verify(); }

    toggle(open = this.panel.hidden) {
      this.panel.hidden = !open;
      this.button.setAttribute('aria-expanded', String(open));
    }

    show(state, label, meta) {
      const [mark, word] = WORDS[state];
      this.button.className = state;
      this.setAttribute('state', state);
      const m = make('span', 'mark', mark);
      m.setAttribute('aria-hidden', 'true');
      // The visible words are the accessible name (WCAG 2.5.3), with a hidden hint that the button shows details.
      this.button.replaceChildren(m, make('span', null, label || word), ...(meta ? [make('span', null, '\u00b7 ' + meta)] : []), make('span', 'vh', '(details)'));
    }

    async verify() {
      const service = (this.getAttribute('service') || defaultService).replace(/\/+$/, '');
      const req = request(service, this);
      const run = ++this.run;
      this.panel.replaceChildren();
      if (!req) { this.show('unknown', 'No badge given'); return; }
      this.show('pending');
      const report = await load(req);
      if (run !== this.run) return; // a newer src replaced this one
      this.render(report, service, req.link);
      this.dispatchEvent(new CustomEvent('verified', { detail: { outcome: report.outcome, report }, bubbles: true, composed: true }));
    }

    render(report, service, link) {
      const state = report.outcome === 'valid' ? 'valid' : report.outcome === 'invalid' ? 'invalid' : 'unknown';
      const badge = report.badge || {};
      const issuer = report.issuer || {};
      const listed = Array.isArray(issuer.knownIn) && issuer.knownIn[0] && issuer.knownIn[0].name;
      const issuerName = listed || issuer.name || badge.issuerName || null;
      const issued = date(badge.issuedOn);
      this.show(state, null, [issuerName, issued].filter(Boolean).join(' \u00b7 ') || null);

      const panel = this.panel;
      panel.setAttribute('aria-label', 'Badge verification details');
      panel.append(make('strong', null, badge.name || (report.problem ? 'Nothing was verified' : 'Badge')));
      if (report.problem) panel.append(make('p', null, report.problem.detail || report.problem.title || `HTTP ${report.status}`));
      const failed = (report.checks || []).find((c) => c && c.outcome === 'failed');
      if (state !== 'valid' && failed && failed.message) panel.append(make('p', null, failed.message));
      if (issuerName) {
        panel.append(make('p', null, `Issuer: ${issuerName}` + (issuer.verified ? ' (identity proven)' : issuer.id ? ' (identity not proven)' : '')));
      }
      if (issued) panel.append(make('p', null, `Issued: ${issued}`));
      const expires = date(badge.expires);
      if (expires) panel.append(make('p', null, `Expires: ${expires}`));
      const when = date(report.evaluatedAt && report.evaluatedAt.instant);
      panel.append(make('p', 'small', `Checked by ${new URL(service).host}${when ? ` on ${when}` : ''}.`));
      if (link) {
        const a = make('a', null, 'Full report');
        a.href = `${service}/?url=${encodeURIComponent(link)}`;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        const p = make('p');
        p.append(a);
        panel.append(p);
      }
    }
  }

  customElements.define('verified-badge', VerifiedBadge);
})();
