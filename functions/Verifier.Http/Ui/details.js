// "Technical details": how the badge was proven, every check (failed first) in plain words with the engine's own
// message and id beside them, and the full report. Closed by default; the headline already names the reason.
import { el, row } from './render.js';
import { checkWords } from './words.js';

const LABELS = { failed: 'Failed', indeterminate: 'Could not check', warning: 'Warning', passed: 'Passed', skipped: 'Not applicable' };
const ORDER = ['failed', 'indeterminate', 'warning', 'passed', 'skipped'];

// Own keys only: an unexpected outcome string must not pick up Object.prototype members ("constructor").
const known = (key) => (typeof key === 'string' && Object.hasOwn(LABELS, key) ? key : 'skipped');
const outcomeOf = (check) => (check.outcome === 'failed' && check.indeterminate ? 'indeterminate' : known(check.outcome));

export function renderTechnical(report) {
  const checks = Array.isArray(report.checks) ? report.checks.filter((c) => c && typeof c === 'object') : [];
  const failed = checks.filter((c) => c.outcome === 'failed').length;
  const box = el('details', 'technical');
  box.id = 'technical';
  box.append(el('summary', null, `Technical details: ${checks.length} checks, ${failed} failed, ${report.warningCount || 0} warnings`));

  const how = report.verification;
  if (how && how.method) {
    const facts = el('dl');
    facts.id = 'verification-facts';
    row(facts, 'Proven by', { hosted: 'the issuer hosting the badge', signed: 'a signature (JWS)', proof: 'an embedded proof (Data Integrity)', none: 'nothing' }[how.method] || how.method);
    row(facts, 'Key', how.keyId);
    row(facts, 'Algorithm', how.algorithm);
    if (typeof how.issuerKeyBound === 'boolean') row(facts, 'Key belongs to the issuer', how.issuerKeyBound ? 'yes' : 'no');
    row(facts, 'Open Badges version', report.openBadgesVersion);
    row(facts, 'Policy', report.policy);
    box.append(facts);
  }

  box.append(renderChecks(checks));
  const raw = el('details', 'raw');
  // A scrolling block must be reachable by keyboard (WCAG 2.1.1): focusable, and named as a region.
  const pre = el('pre', null, JSON.stringify(report, null, 2));
  pre.tabIndex = 0;
  pre.setAttribute('role', 'region');
  pre.setAttribute('aria-label', 'Full report as JSON');
  raw.append(el('summary', null, 'Full report (JSON)'), pre);
  box.append(raw);
  return box;
}

export function renderChecks(checks) {
  const sorted = [...checks].sort((a, b) => ORDER.indexOf(outcomeOf(a)) - ORDER.indexOf(outcomeOf(b)));
  const list = el('ul', 'checks');
  list.id = 'checks';
  for (const check of sorted) {
    const outcome = outcomeOf(check);
    const item = el('li', outcome);
    item.dataset.outcome = outcome;
    item.dataset.checkId = typeof check.id === 'string' ? check.id : '';
    item.append(el('span', 'outcome', LABELS[outcome] + ':'), el('span', 'plain', checkWords(check)));
    if (check.message && check.message !== checkWords(check)) item.append(el('span', 'message', check.message));
    item.append(el('span', 'id', check.subject ? `${check.id} \u2014 ${check.subject}` : check.id));
    list.append(item);
  }
  return list;
}
