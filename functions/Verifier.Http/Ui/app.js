// Verifier page. Every string from a badge or a report is untrusted: it reaches the DOM only through textContent
// or as a vetted attribute value (links: http/https only; images: https or data:image only). No innerHTML anywhere.
'use strict';

(() => {
  const api = '/api/verify';
  const $ = (id) => document.getElementById(id);
  const form = $('verify-form');
  const text = $('badge-text');
  const file = $('badge-file');
  const zone = $('drop-zone');
  const output = $('output');
  const details = $('report-details');
  const status = $('status');
  const button = $('verify-button');

  const verdicts = {
    valid: { symbol: '\u2713', title: 'Valid', sub: 'Every check passed: this badge is genuine and current.' },
    invalid: { symbol: '\u2717', title: 'Invalid', sub: 'At least one check failed: do not trust this badge.' },
    indeterminate: { symbol: '?', title: 'Could not verify (indeterminate)', sub: 'Something outside the badge failed (network, timeout, issuer server). Try again later.' },
  };
  const outcomeLabels = { failed: 'Failed', warning: 'Warning', indeterminate: 'Could not check', passed: 'Passed', skipped: 'Skipped' };
  const outcomeOrder = ['failed', 'indeterminate', 'warning', 'passed', 'skipped'];

  function el(tag, className, textValue) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (textValue !== undefined && textValue !== null) node.textContent = String(textValue);
    return node;
  }

  function safeUrl(value, schemes) {
    if (typeof value !== 'string') return null;
    try {
      const url = new URL(value);
      return schemes.includes(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  }

  function imageSource(value) {
    if (typeof value !== 'string') return null;
    // data: images cannot run script inside <img>; anything else must be https (no mixed content, no javascript:).
    if (/^data:image\/(png|svg\+xml|jpeg|gif|webp);/i.test(value)) return value;
    return safeUrl(value, ['https:']);
  }

  function formatDate(value) {
    if (!value) return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    return date.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  }

  function row(list, term, value, link) {
    if (value === undefined || value === null || value === '') return;
    list.append(el('dt', null, term));
    const dd = el('dd');
    const href = link ? safeUrl(link, ['https:', 'http:']) : null;
    if (href) {
      const a = el('a', null, value);
      a.href = href;
      a.rel = 'noopener noreferrer nofollow';
      a.target = '_blank';
      dd.append(a);
    } else {
      dd.textContent = String(value);
    }
    list.append(dd);
  }

  function banner(kind, symbol, title, sub) {
    const box = el('div', 'verdict ' + kind);
    box.id = 'verdict';
    box.dataset.outcome = kind;
    const mark = el('span', 'symbol', symbol);
    mark.setAttribute('aria-hidden', 'true');
    const words = el('span');
    words.append(el('strong', 'title', title), el('span', 'sub', sub));
    box.append(mark, words);
    return box;
  }

  // Own keys only: an unexpected outcome string must not pick up Object.prototype members ("constructor").
  const known = (table, key) => (typeof key === 'string' && Object.hasOwn(table, key) ? key : null);

  function checkOutcome(check) {
    return check.indeterminate ? 'indeterminate' : (known(outcomeLabels, check.outcome) || 'skipped');
  }

  function renderChecks(checks) {
    const sorted = [...checks].sort((a, b) => outcomeOrder.indexOf(checkOutcome(a)) - outcomeOrder.indexOf(checkOutcome(b)));
    const list = el('ul', 'checks');
    list.id = 'checks';
    for (const check of sorted) {
      const outcome = checkOutcome(check);
      const item = el('li', outcome);
      item.dataset.outcome = outcome;
      item.dataset.checkId = check.id || '';
      item.append(el('span', 'outcome', outcomeLabels[outcome] + ':'));
      item.append(el('span', 'message', check.message || ''));
      item.append(el('span', 'id', check.subject ? `${check.id} \u2014 ${check.subject}` : check.id));
      list.append(item);
    }
    return list;
  }

  function renderReport(report) {
    const outcome = known(verdicts, report.outcome) || 'indeterminate';
    const verdict = verdicts[outcome];
    const counts = `${report.errorCount || 0} error(s), ${report.warningCount || 0} warning(s)` +
      (report.openBadgesVersion ? ` \u00b7 Open Badges ${report.openBadgesVersion}` : '');
    output.append(banner(outcome, verdict.symbol, verdict.title, `${verdict.sub} ${counts}`));

    const badge = report.badge;
    if (badge) {
      details.append(el('h3', null, 'Badge'));
      const summary = el('div', 'summary');
      const src = imageSource(badge.image);
      if (src) {
        const img = el('img');
        img.src = src;
        img.alt = badge.name ? `Badge image: ${badge.name}` : 'Badge image';
        img.referrerPolicy = 'no-referrer';
        summary.append(img);
      }
      const facts = el('dl');
      facts.id = 'badge-facts';
      row(facts, 'Name', badge.name);
      row(facts, 'Description', badge.description);
      row(facts, 'Criteria', badge.criteria, badge.criteria);
      const issuer = report.issuer;
      if (issuer) {
        // What was proven (identity, how) is shown apart from what the badge only claims (name, homepage); a
        // registry's name for the proven identity comes first, since a registry, not the badge, vouches for it.
        issuerRows(facts, issuer);
        row(facts, 'Issuer identity', issuer.verified ? `${issuer.id} — proven by ${provenBy(issuer.verifiedBy)}` : `not proven (the badge claims ${issuer.id || 'no id'})`);
      } else {
        row(facts, 'Issuer (as the badge names it)', badge.issuerName || badge.issuerId, badge.issuerUrl || badge.issuerId);
      }
      row(facts, 'Recipient', badge.recipient);
      row(facts, 'Issued', formatDate(badge.issuedOn));
      row(facts, 'Expires', formatDate(badge.expires));
      if (report.evaluatedAt && report.evaluatedAt.fromRequest) row(facts, 'Verified as of', formatDate(report.evaluatedAt.instant));
      if (Array.isArray(badge.evidence)) badge.evidence.forEach((e) => row(facts, 'Evidence', e, e));
      summary.append(facts);
      details.append(summary);
    }

    const how = report.verification;
    if (how && how.method) {
      const facts = el('dl');
      row(facts, 'Verified by', how.method);
      row(facts, 'Key', how.keyId);
      row(facts, 'Algorithm', how.algorithm);
      if (how.issuerKeyBound !== undefined && how.issuerKeyBound !== null) row(facts, 'Key belongs to issuer', how.issuerKeyBound ? 'yes' : 'no');
      details.append(el('h3', null, 'Verification'), facts);
    }

    details.append(el('h3', null, `Checks (${(report.checks || []).length})`), renderChecks(report.checks || []));

    if (Array.isArray(report.endorsements) && report.endorsements.length > 0) {
      details.append(el('h3', null, 'Endorsements'));
      const list = el('ul');
      for (const e of report.endorsements) {
        const who = (e.badge && (e.badge.issuerName || e.badge.issuerId)) || 'unknown endorser';
        list.append(el('li', null, `${who}: ${verdicts[known(verdicts, e.outcome) || 'indeterminate'].title}`));
      }
      details.append(list);
    }

    const raw = el('details');
    raw.append(el('summary', null, 'Full report (JSON)'), el('pre', null, JSON.stringify(report, null, 2)));
    details.append(raw);
  }

  // Registry logos reach the report only as data: images (the engine drops every other logo URL); checked again
  // here, without SVG: the page never loads an image from a host a registry or a badge chose.
  function registryLogo(value, name) {
    if (typeof value !== 'string' || !/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
    const img = el('img', 'registry-logo');
    img.src = value;
    img.alt = `Logo of ${name}`;
    return img;
  }

  function issuerRows(facts, issuer) {
    const listings = Array.isArray(issuer.knownIn) ? issuer.knownIn.filter((k) => k && typeof k.registry === 'string') : [];
    const dd = el('dd');
    dd.id = 'issuer-registry';
    if (listings.length > 0) {
      const first = listings[0];
      const name = first.name || issuer.name || issuer.id;
      facts.append(el('dt', null, 'Issuer'));
      const logo = registryLogo(first.logo, name);
      if (logo) dd.append(logo);
      dd.append(linkOrText(name, first.url));
      dd.append(el('span', 'registry-status known', ` \u2014 listed in ${listings.map((k) => k.registry).join(', ')}`));
      dd.dataset.known = 'true';
      facts.append(dd);
      if (first.legalName) row(facts, 'Legal name', first.legalName);
      if (issuer.name && issuer.name !== first.name) row(facts, 'Issuer (as it names itself)', issuer.name, issuer.url);
    } else {
      facts.append(el('dt', null, 'Issuer (as it names itself)'));
      dd.append(linkOrText(issuer.name || issuer.id || 'unnamed issuer', issuer.url));
      dd.append(el('span', 'registry-status unconfirmed', ' \u2014 not confirmed by any registry'));
      dd.dataset.known = 'false';
      facts.append(dd);
    }
    if (Array.isArray(issuer.registriesUnchecked) && issuer.registriesUnchecked.length > 0) {
      row(facts, 'Registries not checked', issuer.registriesUnchecked.map(String).join(', '));
    }
  }

  function linkOrText(value, link) {
    const href = link ? safeUrl(link, ['https:', 'http:']) : null;
    if (!href) return el('span', null, value);
    const a = el('a', null, value);
    a.href = href;
    a.rel = 'noopener noreferrer nofollow';
    a.target = '_blank';
    return a;
  }

  function provenBy(how) {
    return {
      'issuer-document': "the issuer's own document",
      'did-document': "the issuer's DID document",
      'did-key-issuer': 'the issuer being the key itself (did:key / did:jwk)',
      'issuer-origin': "the issuer's web origin serving the key (a shared platform's tenants share it)",
      'hosted-on-issuer-origin': "the issuer's web origin hosting the badge (a shared platform's tenants share it)",
    }[how] || how;
  }

  function renderProblem(problem, httpStatus) {
    const title = problem.title || `Request failed (HTTP ${httpStatus})`;
    output.append(banner('problem', '!', 'Nothing was verified', title));
    const box = el('div');
    box.id = 'problem';
    box.setAttribute('role', 'alert');
    box.append(el('p', null, problem.detail || 'The service could not read this input as a badge.'));
    const facts = el('dl');
    row(facts, 'Status', problem.status || httpStatus || null);
    row(facts, 'Code', problem.code);
    box.append(facts);
    output.append(box);
  }

  function request() {
    const query = new URLSearchParams();
    const recipient = $('recipient').value.trim();
    if (recipient) query.set('recipient', recipient);
    const policy = document.querySelector('input[name="policy"]:checked');
    if (policy && policy.value !== 'default') query.set('policy', policy.value);

    const chosen = file.files && file.files[0];
    if (chosen) {
      // The file's own type (image/png, image/svg+xml, application/json) is sent; empty types are sniffed by the API.
      return { url: `${api}?${query}`, init: { method: 'POST', body: chosen } };
    }
    const value = text.value.trim();
    if (/^https?:\/\/\S+$/i.test(value)) {
      query.set('url', value);
      return { url: `${api}?${query}`, init: { method: 'GET' } };
    }
    const type = value.startsWith('{') ? 'application/json' : 'text/plain';
    return { url: `${api}?${query}`, init: { method: 'POST', body: value, headers: { 'Content-Type': type } } };
  }

  async function verify(event) {
    event.preventDefault();
    output.replaceChildren();
    details.replaceChildren();
    if (!(file.files && file.files[0]) && !text.value.trim()) {
      status.textContent = 'Paste a badge link, JSON or JWS, or choose a badge file first.';
      text.focus();
      return;
    }
    const { url, init } = request();
    button.disabled = true;
    output.setAttribute('aria-busy', 'true');
    status.textContent = 'Verifying\u2026';
    try {
      const response = await fetch(url, { ...init, headers: { Accept: 'application/json, application/problem+json', ...(init.headers || {}) } });
      const contentType = response.headers.get('Content-Type') || '';
      const body = contentType.includes('json') ? await response.json() : { detail: await response.text() };
      status.textContent = '';
      if (response.ok) renderReport(body); else renderProblem(body, response.status);
    } catch (error) {
      status.textContent = '';
      renderProblem({ title: 'The verifier could not be reached', detail: String(error && error.message || error) }, 0);
    } finally {
      button.disabled = false;
      output.removeAttribute('aria-busy');
    }
  }

  function showFile() {
    const chosen = file.files && file.files[0];
    $('file-status').hidden = !chosen;
    $('file-name').textContent = chosen ? `Selected: ${chosen.name} (${chosen.size} bytes)` : '';
  }

  form.addEventListener('submit', verify);
  file.addEventListener('change', showFile);
  $('clear-file').addEventListener('click', () => { file.value = ''; showFile(); file.focus(); });

  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      file.files = e.dataTransfer.files;
      showFile();
    }
  });
})();
