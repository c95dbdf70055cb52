// What a report means for a person: one headline naming the reason, decided from the report alone (and the recipient
// the reader asked about). No DOM here, so the rules can be read — and tested in the browser — on their own.
import { checkWords, formatDate } from './words.js';

const ids = (...list) => new Set(list);
// A signature or proof that does not match: the content cannot be relied on at all, so this reason comes first.
const ALTERED = ids('ob2.signature.verify', 'ob2.jws.format', 'ob3.jwt.signature', 'ob3.proof', 'proof.dataIntegrity', 'proof.canonicalForm');
// Nothing ties the signature or the hosting to the issuer the badge names (or a registry the reader requires).
const ISSUER = ids('ob3.issuer-key', 'ob2.signature.key', 'ob2.scope.origin', 'ob2.scope.startsWith', 'issuer.registry');
const REVOKED = ids('ob2.revocation', 'ob2.hosted.revoked', 'ob3.status');
const EXPIRED = ids('ob2.dates.expires', 'ob3.valid-until');
const NOT_YET = ids('ob3.valid-from', 'ob2.dates.issuedOn');
export const RECIPIENT = ids('ob2.recipient', 'ob3.recipient');
/** Documents an issuer publishes about its credentials, checked like them but never a badge (report.badge.kind). */
export const STATUS_LISTS = ids('BitstringStatusListCredential', 'StatusList2021Credential');
// Documented by the real-world inputs work: a badge URL that answers with a page for people.
export const WEB_PAGE_CHECK = 'input.html-page';

const list = (report) => (Array.isArray(report && report.checks) ? report.checks.filter((c) => c && typeof c.id === 'string') : []);
const failed = (checks) => checks.filter((c) => c.outcome === 'failed' && !c.indeterminate);

/** The headline: { kind, tone, title, detail, caveats[] }. tone is valid | caution | invalid | indeterminate | info. */
export function judge(report, asked = {}) {
  const checks = list(report);
  const hard = failed(checks);
  const first = (set) => hard.find((c) => set.has(c.id));
  const badge = (report && report.badge) || {};
  const issuerName = nameOfIssuer(report);

  if (isWebPage(report, checks)) {
    return headline('web-page', 'info', 'This link is a web page, not a badge',
      'It leads to a page for people to read. On that page, look for a link or button such as \u201cVerify\u201d, ' +
      '\u201cDownload badge\u201d or \u201cJSON\u201d, or download the badge image (PNG or SVG), and check that instead.');
  }

  const outcome = report && report.outcome;
  if (STATUS_LISTS.has(badge.kind) && outcome === 'invalid' && hard.length > 0 && hard.every((c) => c.id === 'ob3.type')) {
    // A genuine list, refused only for not being a badge: say what it is rather than "not valid".
    return headline('status-list', 'info', 'This is a status list, not a badge',
      `${issuerName} publishes it so that verifiers can see whether its badges were revoked or suspended. It awards nothing to anyone.`);
  }

  if (outcome === 'invalid') {
    let c;
    if ((c = first(ALTERED))) {
      return headline('altered', 'invalid', 'Altered or wrongly signed',
        'The badge does not match its signature: it was changed after it was issued, or someone other than the issuer signed it. Do not rely on what it says.');
    }
    if ((c = first(ISSUER))) {
      return headline('issuer', 'invalid', 'Issuer not confirmed', c.id === 'issuer.registry'
        ? `${issuerName} is not listed in a registry of known issuers that this check requires.`
        : `Nothing proves that ${issuerName} made this badge: the key or address it relies on does not belong to that issuer.`);
    }
    if ((c = first(REVOKED))) {
      const suspended = /^suspended/i.test(c.message || '');
      const reason = revocationReason(c.message);
      return headline(suspended ? 'suspended' : 'revoked', 'invalid', suspended ? 'Suspended' : (reason ? `Revoked (${reason})` : 'Revoked'),
        (suspended ? 'The issuer has suspended this badge' : 'The issuer has withdrawn this badge') +
        (reason ? `, giving the reason \u201c${reason}\u201d.` : '.') + ' It is not valid.');
    }
    if ((c = first(RECIPIENT))) {
      const who = asked.recipient || 'the person you named';
      return headline('recipient', 'invalid', `Not awarded to ${who}`,
        `This badge was awarded to someone else (or to another address of the same person). Ask its owner which address the issuer used.`);
    }
    if ((c = first(EXPIRED))) {
      const when = formatDate(badge.expires, 'date');
      return headline('expired', 'invalid', when ? `Expired on ${when}` : 'Expired', 'The issuer set an end date for this badge, and it has passed.');
    }
    if ((c = first(NOT_YET))) {
      const when = formatDate(badge.issuedOn, 'date');
      return headline('not-yet-valid', 'invalid', 'Not yet valid', when ? `It only becomes valid on ${when}.` : 'Its start date has not come yet.');
    }
    if ((c = hard.find((x) => x.id === 'clr.credential'))) {
      return headline('member', 'invalid', 'Not valid: an achievement inside failed', 'One of the achievements in this record did not pass its own checks (see the list below).');
    }
    c = hard[0];
    return headline('invalid', 'invalid', 'Not valid', c ? checkWords(c) : 'At least one check failed.');
  }

  if (outcome !== 'valid') {
    const unknown = checks.find((c) => c.outcome === 'failed' && c.indeterminate);
    return headline('indeterminate', 'indeterminate', 'Could not check',
      (unknown ? checkWords(unknown) + ' ' : '') + 'This says nothing bad about the badge: try again later.');
  }

  const issuer = report.issuer;
  if (issuer && issuer.verified === false) {
    return headline('issuer-unproven', 'caution', 'Issuer not confirmed',
      `The badge is intact, but nothing ties its signing key to ${issuerName}: anyone could have made this signature. ` +
      'It passed only because the lenient setting was chosen.', caveats(report, checks));
  }

  const notes = caveats(report, checks);
  if (notes.length > 0) {
    return headline('caveats', 'caution', 'Valid, with caveats', 'The badge is genuine and current, but read the points below.', notes);
  }
  const everyCheckPassed = checks.length > 0 && checks.every((c) => c.outcome === 'passed');
  return headline('valid', 'valid', 'Valid', everyCheckPassed
    ? 'Every check passed: this badge is genuine, current and awarded to the person you named.'
    : 'Genuine, current and awarded to the person you named: every check that applies to this badge passed.');
}

/** What a valid verdict leaves open: warnings, the recipient never compared, endorsements that did not verify. */
function caveats(report, checks) {
  const notes = [];
  const add = (text, kind) => { if (!notes.some((n) => n.text === text)) notes.push({ text, kind }); };
  for (const c of checks) {
    if (c.outcome === 'warning' && c.id !== 'ob3.issuer-key') add(checkWords(c), c.id);
  }
  if (!checks.some((c) => RECIPIENT.has(c.id) && c.outcome === 'passed')) {
    add(isHashed(report.badge && report.badge.recipient)
      ? 'It was not checked who this badge was awarded to: the badge stores the address only in scrambled (hashed) form. Enter the address you expect below.'
      : 'It was not checked who this badge was awarded to. Enter the address you expect below to check it.', 'recipient');
  }
  if (Array.isArray(report.endorsements) && report.endorsements.some((e) => e && e.outcome !== 'valid')) {
    add('An endorsement attached to this badge could not be verified (see Endorsements below).', 'endorsement');
  }
  return notes;
}

function isWebPage(report, checks) {
  if (checks.some((c) => c.id === WEB_PAGE_CHECK && c.outcome !== 'passed')) return true;
  // Until the engine reports input.html-page: a link that was fetched fine but answered HTML instead of a badge.
  const input = (report && report.input) || {};
  return input.kind === 'url' && (input.format === 'html' || (
    checks.some((c) => c.id === 'input.format' && c.outcome === 'failed') &&
    checks.some((c) => c.id === 'input.fetch' && c.outcome === 'passed' && /\((text\/html|application\/xhtml\+xml)\b/i.test(c.message || ''))));
}

export function isHashed(recipient) {
  return typeof recipient === 'string' && /^(sha256|sha384|sha512|md5)\$/i.test(recipient);
}

/** The issuer as a person should read it: a registry's name when listed, else the name the badge claims. */
export function nameOfIssuer(report) {
  const issuer = (report && report.issuer) || {};
  const listed = Array.isArray(issuer.knownIn) ? issuer.knownIn.find((k) => k && typeof k.name === 'string') : null;
  const badge = (report && report.badge) || {};
  return (listed && listed.name) || issuer.name || badge.issuerName || 'the issuer';
}

function revocationReason(message) {
  const m = /(?:\(reason: (.+)\)|with reason: (.+)|revocation list: (.+))$/.exec(message || '');
  return m ? (m[1] || m[2] || m[3]).trim() : null;
}

function headline(kind, tone, title, detail, caveatList = []) {
  return { kind, tone, title, detail, caveats: caveatList };
}
