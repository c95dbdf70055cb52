// Plain words for what the engine reports: each check in terms a non-specialist can act on, dates in the reader's
// locale, and how an issuer was proven. The engine's own message stays beside these under "Technical details".

// [when it failed, when it passed, as a warning]. A missing entry falls back to the engine's message.
const CHECKS = {
  'input.format': ['This is not something the verifier can read as a badge: not a badge image, badge document or badge link.', 'The input was recognised as a badge.'],
  'input.fetch': ['The badge could not be downloaded from its address.', 'The badge was downloaded from its address.'],
  'input.unbake': ['No badge could be read from this image: it may be a picture of a badge rather than the badge file itself.', 'The badge was found inside the image.', 'The image holds something unusual besides the badge.'],
  'input.html-page': ['The address is a web page for people, not the badge itself.'],
  'engine.family': ['This is not an Open Badge the verifier recognises.', 'The badge format was recognised.'],
  'engine.deadline': ['The check took too long, usually because the issuer\u2019s server was slow to answer.'],
  'engine.unexpected': ['The verifier itself failed while checking; this says nothing about the badge.'],
  'issuer.url-unverified': [null, null, 'The issuer\u2019s homepage is only what the badge claims: nothing ties it to the issuer that was proven.'],
  'issuer.registry': ['The issuer is not listed in a registry of known issuers.', 'The issuer is listed in a registry of known issuers.', 'A registry of known issuers could not be checked.'],
  'ob2.version': ['The badge\u2019s Open Badges version could not be recognised.', 'The Open Badges version was recognised.'],
  'ob2.legacy.upgrade': ['This older badge could not be read.', 'This older badge was read in the current format.', 'This older badge has unusual parts.'],
  'ob2.verification.method': ['The badge does not say how it can be verified, or says it in a way that cannot be checked.', 'The badge says how to verify it.'],
  'ob2.assertion.fetch': ['The badge could not be downloaded from the issuer\u2019s site.', 'The badge was downloaded from the issuer\u2019s site.'],
  'ob2.hosted.revoked': ['The issuer has withdrawn this badge.', 'The issuer\u2019s site still hosts the badge: not withdrawn.'],
  'ob2.assertion.id': ['The badge\u2019s own address does not match where it was found.', 'The badge\u2019s address matches where it was found.'],
  'ob2.node.id': ['A part of the badge does not match the address it was downloaded from.', 'Each part of the badge matches its address.'],
  'ob2.jws.format': ['The signed badge is damaged: its signature block cannot be read.', 'The signed badge could be read.'],
  'ob2.signature.algorithm': ['The badge uses a signature method that is not safe or not allowed.', 'The signature method is an accepted one.'],
  'ob2.badgeclass.fetch': ['The description of the achievement could not be downloaded from the issuer.', 'The description of the achievement was downloaded.'],
  'ob2.issuer.fetch': ['The issuer\u2019s profile could not be downloaded.', 'The issuer\u2019s profile was downloaded.'],
  'ob2.structure.assertion': ['The badge\u2019s data is incomplete or malformed.', 'The badge\u2019s data is complete.', 'The badge\u2019s data has minor problems.'],
  'ob2.structure.badgeclass': ['The achievement\u2019s description is incomplete or malformed.', 'The achievement\u2019s description is complete.', 'The achievement\u2019s description has minor problems.'],
  'ob2.structure.issuer': ['The issuer\u2019s profile is incomplete or malformed.', 'The issuer\u2019s profile is complete.', 'The issuer\u2019s profile has minor problems.'],
  'ob2.structure.key': ['The issuer\u2019s signing key is malformed.', 'The signing key is well formed.'],
  'ob2.structure.revocationList': ['The issuer\u2019s list of withdrawn badges is malformed.', 'The list of withdrawn badges is well formed.'],
  'ob2.scope.origin': ['The badge is not hosted on the issuer\u2019s own site.', 'The badge is hosted on the issuer\u2019s own site.'],
  'ob2.scope.startsWith': ['The badge is not hosted where the issuer says its badges live.', 'The badge is hosted where the issuer says its badges live.'],
  'ob2.key.fetch': ['The issuer\u2019s signing key could not be downloaded.', 'The issuer\u2019s signing key was downloaded.'],
  'ob2.signature.key': ['The key that signed the badge does not belong to the issuer.', 'The signing key belongs to the issuer.'],
  'ob2.signature.verify': ['The signature does not match: the badge was changed after signing, or someone else signed it.', 'The signature matches the badge.'],
  'ob2.revocationList.fetch': ['The issuer\u2019s list of withdrawn badges could not be downloaded.', 'The list of withdrawn badges was downloaded.'],
  'ob2.revocation': ['The issuer has withdrawn this badge.', 'The issuer has not withdrawn this badge.'],
  'ob2.dates.issuedOn': ['The badge\u2019s issue date is in the future or unreadable.', 'The issue date is fine.'],
  'ob2.dates.expires': ['The badge has expired.', 'The badge has not expired.'],
  'ob2.recipient': ['The badge was not awarded to the person you named.', 'The badge was awarded to the person you named.', null],
  'ob3.parse': ['The badge\u2019s data cannot be read.', 'The badge\u2019s data was read.'],
  'ob3.jwt.header': ['The signed badge names its key in a way that cannot be trusted.', 'The signed badge names its key.'],
  'ob3.jwt.key': ['The key that signed the badge could not be found.', 'The signing key was found.'],
  'ob3.jwt.signature': ['The signature does not match: the badge was changed after signing, or someone else signed it.', 'The signature matches the badge.'],
  'ob3.jwt.claims': ['The signed envelope contradicts the badge inside it.', 'The signed envelope agrees with the badge.'],
  'ob3.issuer-key': ['The key that signed the badge does not belong to the issuer it names.', 'The signing key belongs to the issuer.', 'Nothing ties the signing key to the issuer: anyone could have made this signature.'],
  'ob3.proof': ['The badge\u2019s signature is missing or cannot be checked.', 'The badge\u2019s signature was checked.'],
  'ob3.type': ['This is not a badge credential (its type is wrong).', 'It is a badge credential.'],
  'ob3.context': ['The badge does not declare the vocabulary of Open Badges 3.0.', 'The badge declares the Open Badges 3.0 vocabulary.'],
  'ob3.structure': ['The badge\u2019s data is incomplete or malformed.', 'The badge\u2019s data is complete.', 'The badge\u2019s data has minor problems.'],
  'ob3.schema': ['The badge does not follow the data rules it declares.', 'The badge follows the data rules it declares.'],
  'ob3.refresh': ['The issuer\u2019s newer copy of this badge could not be checked.', 'The issuer\u2019s newer copy of this badge was checked.', 'The issuer\u2019s newer copy of this badge could not be fetched.'],
  'ob3.status': ['The issuer has withdrawn or suspended this badge.', 'The issuer has not withdrawn this badge.'],
  'ob3.status.list': ['The issuer\u2019s status list cannot be trusted.', 'The issuer\u2019s status list is genuine.'],
  'ob3.valid-from': ['The badge is not valid yet: its start date is in the future.', 'The badge\u2019s start date has passed.'],
  'ob3.valid-until': ['The badge has expired.', 'The badge has not expired.'],
  'ob3.recipient': ['The badge was not awarded to the person you named.', 'The badge was awarded to the person you named.'],
  'ob3.endorsement': ['An endorsement on this badge is not genuine.', 'An endorsement on this badge was verified.', 'An endorsement on this badge could not be verified.'],
  'ob3.attached-to': ['Something attached to this badge is about a different badge.', 'What is attached to this badge is about this badge.'],
  'clr.credential': ['An achievement inside this record is not valid.', 'An achievement inside this record is valid.'],
  'proof.present': ['The badge carries no signature that can be checked.', 'The badge carries a signature.'],
  'proof.dataIntegrity': ['The signature does not match: the badge was changed after signing, or someone else signed it.', 'The signature matches the badge.'],
  'proof.canonicalForm': ['The badge was rewritten after signing in a way that could change what it means.', 'The badge is in the form that was signed.'],
  'proof.legacySuiteName': [null, null, 'The badge uses an older name for its signature method.'],
};

const COULD_NOT = 'Could not be checked: ';

/** One check in plain words, or the engine's message when there are none for this outcome. */
export function checkWords(check) {
  const words = CHECKS[check.id];
  if (check.outcome === 'failed' && check.indeterminate) return COULD_NOT + lowerFirst(check.message || 'a server did not answer.');
  const text = words && (check.outcome === 'failed' ? words[0] : check.outcome === 'passed' ? words[1] : check.outcome === 'warning' ? words[2] : null);
  return text || check.message || check.id;
}

export function provenBy(how) {
  return {
    'issuer-document': "the issuer's own document",
    'did-document': "the issuer's DID document",
    'did-key-issuer': 'the issuer being the signing key itself (did:key / did:jwk)',
    'issuer-origin': "the issuer's web site serving the key (other accounts on a shared site share it)",
    'hosted-on-issuer-origin': "the issuer's web site hosting the badge (other accounts on a shared site share it)",
  }[how] || how;
}

/**
 * A date in the reader's locale. Midnight UTC is a date without a time (validUntil 2025-01-01): shown in UTC, or a
 * reader west of Greenwich would see the day before; any other instant is shown in local time, with its time unless
 * <style> is 'date' (a sentence) — 'instant' always shows the time (the as-of instant).
 */
export function formatDate(value, style = 'auto') {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0;
  const options = midnight && style !== 'instant' ? { dateStyle: 'long', timeZone: 'UTC' }
    : style === 'date' ? { dateStyle: 'long' }
    : { dateStyle: 'long', timeStyle: 'short' };
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
