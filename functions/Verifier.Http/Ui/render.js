// The result for a person: the verdict banner, the plain summary and facts, a CLR's achievements, endorsements.
// Every report string is untrusted: it reaches the DOM only through textContent or as a vetted attribute value
// (links: http/https only; images: data:image only). No innerHTML anywhere.
import { judge, isHashed, nameOfIssuer, RECIPIENT, STATUS_LISTS } from './verdict.js';
import { formatDate, provenBy } from './words.js';

const SYMBOLS = { valid: '\u2713', caution: '!', invalid: '\u2717', indeterminate: '?', info: 'i', problem: '!' };

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export function safeUrl(value, schemes = ['https:', 'http:']) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function linkOrText(text, href) {
  const target = safeUrl(href);
  if (!target) return el('span', null, text);
  const a = el('a', null, text);
  a.href = target;
  a.rel = 'noopener noreferrer nofollow';
  a.target = '_blank';
  return a;
}

export function row(list, term, value, href) {
  if (value === undefined || value === null || value === '') return null;
  list.append(el('dt', null, term));
  const dd = el('dd');
  dd.append(href ? linkOrText(String(value), href) : document.createTextNode(String(value)));
  list.append(dd);
  return dd;
}

/** The verdict banner: focusable, so keyboard and screen-reader users land on it after Verify. */
export function banner(outcome, tone, kind, title, detail, caveats = []) {
  const box = el('div', 'verdict ' + tone);
  box.id = 'verdict';
  box.tabIndex = -1;
  box.dataset.outcome = outcome;
  box.dataset.headline = kind;
  const mark = el('span', 'symbol', SYMBOLS[tone] || '?');
  mark.setAttribute('aria-hidden', 'true');
  const words = el('div', 'words');
  const heading = el('h2', 'title', title);
  heading.id = 'verdict-title';
  words.append(heading, el('p', 'sub', detail));
  if (caveats.length > 0) {
    const list = el('ul', 'caveats');
    list.id = 'caveats';
    for (const note of caveats) {
      const item = el('li', null, note.text);
      item.dataset.kind = note.kind;
      list.append(item);
    }
    words.append(list);
  }
  box.append(mark, words);
  return box;
}

export function renderVerdict(report, asked) {
  const verdict = judge(report, asked);
  const box = banner(report.outcome || 'indeterminate', verdict.tone, verdict.kind, verdict.title, verdict.detail, verdict.caveats);
  if (report.evaluatedAt && report.evaluatedAt.fromRequest) {
    // at= moved the clock: the verdict holds for that instant, which the reader must not mistake for now.
    const asOf = el('p', 'as-of', `Checked as of ${formatDate(report.evaluatedAt.instant, 'instant')}, not today.`);
    asOf.id = 'as-of';
    box.querySelector('.words').append(asOf);
  }
  return box;
}

/** "<Issuer> awarded <Badge> to <recipient> on <date>", stated as fact only when the badge is valid and its issuer proven. */
export function summaryLine(report, asked) {
  const badge = report.badge || {};
  const matched = (report.checks || []).some((c) => c && RECIPIENT.has(c.id) && c.outcome === 'passed');
  const to = matched && asked.recipient ? asked.recipient
    : isHashed(badge.recipient) ? 'a person whose address the badge stores only in hashed form'
    : badge.recipient || 'someone the badge does not name';
  const when = formatDate(badge.issuedOn, 'date');
  const sentence = STATUS_LISTS.has(badge.kind)
    ? `${nameOfIssuer(report)} published this status list${when ? ` on ${when}` : ''}: the list its credentials' revocation or suspension is read from. It is not a badge and awards nothing.`
    : `${nameOfIssuer(report)} awarded \u201c${badge.name || 'an unnamed badge'}\u201d to ${to}${when ? ` on ${when}` : ''}.`;
  const proven = report.outcome === 'valid' && !(report.issuer && report.issuer.verified === false);
  const line = el('p', 'summary-line', proven ? sentence : `The badge says: ${sentence}`);
  line.id = 'summary-line';
  return line;
}

export function renderSummary(report, asked) {
  const badge = report.badge || {};
  const section = el('section', 'card');
  section.setAttribute('aria-labelledby', 'summary-heading');
  const heading = el('h2', null, 'The badge');
  heading.id = 'summary-heading';
  section.append(heading, summaryLine(report, asked));
  const body = el('div', 'summary');
  const image = imageOf(badge);
  if (image) body.append(image);
  const facts = el('dl');
  facts.id = 'badge-facts';
  row(facts, 'Achievement', badge.name);
  row(facts, 'Description', badge.description);
  row(facts, 'Criteria', badge.criteria, badge.criteria);
  if (report.issuer) issuerRows(facts, report.issuer);
  else row(facts, 'Issuer (as the badge names it)', badge.issuerName || badge.issuerId, badge.issuerUrl);
  row(facts, 'Awarded to', isHashed(badge.recipient) ? `${badge.recipient} (a hashed address)` : badge.recipient);
  row(facts, 'Issued', formatDate(badge.issuedOn));
  if (badge.expires) row(facts, new Date(badge.expires) < new Date(instantOf(report)) ? 'Expired' : 'Expires', formatDate(badge.expires));
  row(facts, 'Withdrawn?', statusOf(report));
  if (report.evaluatedAt && report.evaluatedAt.fromRequest) row(facts, 'Verified as of', formatDate(report.evaluatedAt.instant, 'instant'));
  if (Array.isArray(badge.evidence)) badge.evidence.forEach((e) => row(facts, 'Evidence', e, e));
  body.append(facts);
  section.append(body);
  return section;
}

/** Proven identity apart from claims; a registry's name first, since a registry, not the badge, vouches for it. */
export function issuerRows(facts, issuer) {
  const listings = Array.isArray(issuer.knownIn) ? issuer.knownIn.filter((k) => k && typeof k.registry === 'string') : [];
  const dd = el('dd');
  dd.id = 'issuer-registry';
  if (listings.length > 0) {
    const first = listings[0];
    const name = first.name || issuer.name || issuer.id;
    facts.append(el('dt', null, 'Issuer'));
    const logo = registryLogo(first.logo, name);
    if (logo) dd.append(logo);
    dd.append(linkOrText(name, first.url), el('span', 'registry-status known', ` \u2014 listed in ${listings.map((k) => k.registry).join(', ')}`));
    dd.dataset.known = 'true';
    facts.append(dd);
    if (first.legalName) row(facts, 'Legal name', first.legalName);
    if (issuer.name && issuer.name !== first.name) row(facts, 'Issuer (as it names itself)', issuer.name, issuer.url);
  } else {
    facts.append(el('dt', null, 'Issuer (as it names itself)'));
    dd.append(linkOrText(issuer.name || issuer.id || 'unnamed issuer', issuer.url), el('span', 'registry-status unconfirmed', ' \u2014 not confirmed by any registry'));
    dd.dataset.known = 'false';
    facts.append(dd);
  }
  if (Array.isArray(issuer.registriesUnchecked) && issuer.registriesUnchecked.length > 0) {
    row(facts, 'Registries not checked', issuer.registriesUnchecked.map(String).join(', '));
  }
  row(facts, 'Issuer identity', issuer.verified
    ? `${issuer.id} \u2014 proven by ${provenBy(issuer.verifiedBy)}`
    : `not proven (the badge claims ${issuer.id || 'no identity'})`);
}

/** A CLR's achievements, each with its own verdict. */
export function renderAchievements(report, asked) {
  const members = Array.isArray(report.credentials) ? report.credentials.filter(Boolean) : [];
  if (members.length === 0) return null;
  const section = el('section', 'card');
  section.setAttribute('aria-labelledby', 'achievements-heading');
  const heading = el('h2', null, `Achievements in this record (${members.length})`);
  heading.id = 'achievements-heading';
  const list = el('ul', 'nested');
  list.id = 'achievements';
  for (const member of members) {
    const verdict = judge(member, asked);
    const badge = member.badge || {};
    const item = el('li', verdict.tone);
    item.dataset.outcome = member.outcome || 'indeterminate';
    item.append(el('strong', null, badge.name || 'Unnamed achievement'), el('span', 'nested-verdict', `${verdict.title}`));
    const when = formatDate(badge.issuedOn, 'date');
    item.append(el('span', 'nested-meta', `${nameOfIssuer(member)}${when ? `, ${when}` : ''}`));
    list.append(item);
  }
  section.append(heading, list);
  return section;
}

/** Who endorses the badge, and whether that endorsement verified. */
export function renderEndorsements(report) {
  const endorsements = Array.isArray(report.endorsements) ? report.endorsements.filter(Boolean) : [];
  if (endorsements.length === 0) return null;
  const section = el('section', 'card');
  section.setAttribute('aria-labelledby', 'endorsements-heading');
  const heading = el('h2', null, `Endorsements (${endorsements.length})`);
  heading.id = 'endorsements-heading';
  const list = el('ul', 'nested');
  list.id = 'endorsements';
  for (const e of endorsements) {
    const verified = e.outcome === 'valid' && !(e.issuer && e.issuer.verified === false);
    const item = el('li', verified ? 'valid' : 'invalid');
    item.dataset.verified = String(verified);
    item.append(el('strong', null, nameOfIssuer(e)));
    item.append(el('span', 'nested-verdict', verified ? 'Verified endorsement' : `Not verified: ${judge(e).title}`));
    if (e.badge && e.badge.name) item.append(el('span', 'nested-meta', e.badge.name));
    list.append(item);
  }
  section.append(heading, list);
  return section;
}

function imageOf(badge) {
  // data: only (imageData is the service's copy of a remote image): the page never loads from a badge's hosts.
  const src = [badge.imageData, badge.image].find((v) => typeof v === 'string' && /^data:image\/(png|svg\+xml|jpeg|gif|webp)[;,]/i.test(v));
  if (!src) return null;
  const img = el('img', 'badge-image');
  img.src = src;
  img.alt = badge.name ? `Badge image: ${badge.name}` : 'Badge image';
  return img;
}

function registryLogo(value, name) {
  if (typeof value !== 'string' || !/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const img = el('img', 'registry-logo');
  img.src = value;
  img.alt = `Logo of ${name}`;
  return img;
}

function instantOf(report) {
  return (report.evaluatedAt && report.evaluatedAt.instant) || new Date().toISOString();
}

function statusOf(report) {
  const status = (report.checks || []).filter((c) => c && ['ob2.revocation', 'ob2.hosted.revoked', 'ob3.status'].includes(c.id));
  if (status.some((c) => c.outcome === 'failed' && !c.indeterminate)) return 'Yes: the issuer has withdrawn it';
  if (status.some((c) => c.outcome === 'failed')) return 'Unknown: the issuer\u2019s list could not be checked';
  if (status.some((c) => c.outcome === 'passed')) return 'No (checked with the issuer)';
  return report.outcome === 'valid' ? 'The issuer publishes no withdrawal list for this badge' : null;
}
