// Verifier page: reads the form, calls /api/verify (image=true, so the badge image comes back as a data: URI and the
// reader's browser never contacts the badge's hosts), and shows the result. ?url=… verifies that link on load.
import { el, banner, renderVerdict, renderSummary, renderAchievements, renderEndorsements, row } from './render.js';
import { renderTechnical } from './details.js';
import { RECIPIENT } from './verdict.js';

const api = 'api/verify';
const $ = (id) => document.getElementById(id);
const form = $('verify-form');
const text = $('badge-text');
const file = $('badge-file');
const zone = $('drop-zone');
const output = $('output');
const details = $('report-details');
const status = $('status');
const button = $('verify-button');
const shared = new URLSearchParams(window.location.search);

function policy() {
  const chosen = document.querySelector('input[name="policy"]:checked');
  return chosen ? chosen.value : 'default';
}

function request() {
  const query = new URLSearchParams({ image: 'true' });
  const recipient = $('recipient').value.trim();
  if (recipient) query.set('recipient', recipient);
  if (policy() !== 'default') query.set('policy', policy());
  if (shared.get('at')) query.set('at', shared.get('at')); // a shared link can pin the instant (at=)

  const chosen = file.files && file.files[0];
  if (chosen) {
    // The file's own type (image/png, image/svg+xml, application/json) is sent; an empty type is sniffed by the API.
    return { url: `${api}?${query}`, init: { method: 'POST', body: chosen }, link: null };
  }
  const value = text.value.trim();
  if (/^https?:\/\/\S+$/i.test(value)) {
    query.set('url', value);
    return { url: `${api}?${query}`, init: { method: 'GET' }, link: value };
  }
  const type = value.startsWith('{') ? 'application/json' : 'text/plain';
  return { url: `${api}?${query}`, init: { method: 'POST', body: value, headers: { 'Content-Type': type } }, link: null };
}

async function verify(event) {
  if (event) event.preventDefault();
  output.replaceChildren();
  details.replaceChildren();
  if (!(file.files && file.files[0]) && !text.value.trim()) {
    status.textContent = 'Paste a badge link, JSON or JWS, or choose a badge file first.';
    text.focus();
    return;
  }
  const asked = { recipient: $('recipient').value.trim() || null };
  const { url, init, link } = request();
  button.disabled = true;
  output.setAttribute('aria-busy', 'true');
  status.textContent = 'Verifying\u2026';
  try {
    const response = await fetch(url, { ...init, headers: { Accept: 'application/json, application/problem+json', ...(init.headers || {}) } });
    const contentType = response.headers.get('Content-Type') || '';
    const body = contentType.includes('json') ? await response.json() : { detail: await response.text() };
    status.textContent = '';
    if (response.ok) renderReport(body, asked, link); else renderProblem(body, response.status);
  } catch (error) {
    status.textContent = '';
    renderProblem({ title: 'The verifier could not be reached', detail: String((error && error.message) || error) }, 0);
  } finally {
    button.disabled = false;
    output.removeAttribute('aria-busy');
    bringIntoView();
  }
}

function renderReport(report, asked, link) {
  output.append(renderVerdict(report, asked));
  // Outside the live region (a form is not an announcement), right under the verdict that asks for it.
  const recipientChecked = (report.checks || []).some((c) => c && RECIPIENT.has(c.id) && c.outcome === 'passed');
  if (report.badge && !recipientChecked && report.outcome !== 'indeterminate') details.append(recheckForm());
  if (report.badge) details.append(renderSummary(report, asked));
  for (const section of [renderAchievements(report, asked), renderEndorsements(report)]) {
    if (section) details.append(section);
  }
  if (link) details.append(shareLink(link));
  details.append(renderTechnical(report));
}

/** Problems are requests that verified nothing; say what to do in words, not API terms. */
function renderProblem(problem, httpStatus) {
  const code = problem.code;
  const [title, advice] = {
    'body-too-large': ['This file is too large to be a badge', 'Badge images are small. Check that you chose the badge file itself, or paste the badge\u2019s link instead.'],
    'unsupported-media-type': ['This kind of file cannot hold a badge', 'Badges come as PNG or SVG images or as JSON. A JPEG or a screenshot is a picture of a badge, not the badge: ask its owner for the badge file or its link.'],
    'busy': ['The verifier is busy', 'Try again in a moment.'],
    'bad-parameter': ['Please check the form', problem.detail],
  }[code] || [httpStatus === 0 ? problem.title : 'Nothing was verified', problem.detail || 'The verifier could not read this as a badge.'];
  output.append(banner('problem', 'problem', code || 'problem', title, advice));
  const box = el('div', 'problem');
  box.id = 'problem';
  box.setAttribute('role', 'alert');
  if (problem.detail && problem.detail !== advice) box.append(el('p', null, problem.detail));
  const facts = el('dl');
  row(facts, 'Status', problem.status || httpStatus || null);
  row(facts, 'Code', code);
  box.append(facts);
  output.append(box);
}

/** A hashed (or unchecked) recipient: the reader types the address they expect and the same badge is checked again. */
function recheckForm() {
  const box = el('form', 'recheck');
  box.id = 'recheck';
  box.noValidate = true;
  const label = el('label', null, 'Check who it was awarded to: e-mail address');
  label.htmlFor = 'recheck-email';
  const input = el('input');
  input.id = 'recheck-email';
  input.type = 'email';
  input.autocomplete = 'off';
  input.value = $('recipient').value;
  const go = el('button', null, 'Check this address');
  go.type = 'submit';
  const line = el('div', 'recheck-line');
  line.append(input, go);
  box.append(label, line);
  box.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) { input.focus(); return; }
    $('recipient').value = input.value.trim();
    verify();
  });
  return box;
}

/** A link that verifies the same URL again when opened (no recipient in it: an address is not for sharing). */
function shareLink(link) {
  const section = el('p', 'share');
  section.id = 'share';
  const target = new URL(window.location.pathname, window.location.origin);
  target.searchParams.set('url', link);
  if (policy() !== 'default') target.searchParams.set('policy', policy());
  if (shared.get('at')) target.searchParams.set('at', shared.get('at'));
  const a = el('a', null, 'Link to this check');
  a.href = target.href;
  a.id = 'share-link';
  section.append(a, el('span', 'hint', ' \u2014 opens this page and verifies the same badge link again.'));
  return section;
}

/** Focus and scroll move to the verdict, so it is seen on a phone and read first by a screen reader. */
function bringIntoView() {
  const verdict = $('verdict');
  if (!verdict) return;
  verdict.focus({ preventScroll: true });
  verdict.scrollIntoView({ block: 'start' });
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

// A shared link (/?url=…[&policy=…][&at=…]) fills the form and verifies at once.
if (shared.get('url')) {
  text.value = shared.get('url');
  const chosen = document.querySelector(`input[name="policy"][value="${CSS.escape(shared.get('policy') || 'default')}"]`);
  if (chosen) chosen.checked = true;
  verify();
}
