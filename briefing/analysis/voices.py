"""Voices that go on: whom a quote with no attribution of its own, nor a sentence just
before that reports it, belongs to. A paragraph of quotation goes on with the last voice of
the paragraph before; a quoted sentence standing alone goes on with the person the sentences
just before speak of. Both stay empty when someone else was named in between or after, but
for a sentence after that reports someone's own words. A short phrase a clause names
something as is the words of that clause's subject."""

from spacy.tokens import Span, Token

from briefing.analysis.gazetteer import PERSON, PLACE
from briefing.analysis.genders import PRONOUNS
from briefing.analysis.quote_marks import Segment
from briefing.analysis.quote_text import Attribution, QuoteText, ends_sentence, inner_words
from briefing.analysis.speech_verbs import governing_verb, is_speech_verb, names_as, reports

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_LAST_VOICE_REACH = 3  # sentences back a quote standing alone may look for whom it goes on with
_VOICE_SINCE_REACH = 2  # sentences of narrative between two quotes of one voice
_MAX_NAMING_WORDS = 7  # a quoted phrase something is named as: "referred to them as "…""


def voice_going_on(reader: QuoteText, segment: Segment) -> Attribution | None:
    """For a paragraph of quotation with no verb of saying of its own: the last voice of
    the paragraph before, when no other person was named as a subject after it there
    ("…," DeCrane said. He was referring to …. ¶ "I think …") but in the words it tells."""
    start, end = reader.paragraphs[segment.paragraph]
    end = min(end, reader.sentence_bounds(segment.end - 1)[1])  # later sentences tell on
    if reader.speech_verbs(start, end) or reader.names_someone(reader.tokens(start, end)):
        return None  # "… is the dry assessment of Graham Lane": its own voice
    start, end = reader.paragraphs[segment.paragraph - 1]
    verbs = reader.speech_verbs(start, end)
    if not verbs:
        return None
    speaker = reader.attributor.speaker_of(verbs[-1])
    people = reader.attributor.people
    later = [
        name
        for found in (people.leading, people.clause_subjects)
        for i, name in found
        if verbs[-1].i < i
        and reader.doc[i].idx < end
        and not reports(verbs[-1], reader.doc[i].idx)  # "… said Mr Blair was …": told of
    ]
    if speaker is None or any(name != speaker for name in later):
        return None
    return Attribution(speaker, verbs[-1], segment.start, segment.end)


def last_voice(reader: QuoteText, segment: Segment) -> Attribution | None:
    """For a quote that is a sentence of its own with no attribution: the person the
    sentences just before speak of, as "he" would mean them, when that person is the
    subject there, nobody else was named since, and nobody else was credited with words
    since (in the quote's paragraph) or last (before it)
    ("Ian Pearson … told the BBC that …. BT was one of …. "There were …""); nobody when
    someone else is named right after it, who may be the one quoted ("… is the view of
    Graham Lane")."""
    sentence_start = reader.sentence_bounds(segment.start)[0]
    if reader.text[sentence_start : segment.start].strip():
        return None
    if not ends_sentence(reader.text, segment):
        return None
    at = reader.sentence_at(segment.start)
    if at > 0 and reader.sentences[at - 1].text.rstrip().endswith("?"):
        return None  # "So is it …, as Kilroy-Silk once declared?": the quote answers it
    tokens = reader.tokens(segment.start, segment.end)
    if not tokens:
        return None
    people, index = reader.attributor.people, reader.attributor.index
    name = people.meant_by(tokens[0].i, reach=_LAST_VOICE_REACH)
    if name is None:
        return None
    first = reader.sentences[max(0, reader.sentence_at(segment.start) - _LAST_VOICE_REACH)]
    last = _last_subject(reader, name, first.start, tokens[0].i)
    came_in = [n for i, n in people.named if last is not None and last < i < tokens[0].i]
    if last is None or any(other != name and " " in other for other in came_in):
        return None  # "… according to Mr Lane": someone else, named in full, came in since
    since = reader.doc[last].idx  # voices before the subject's sentence in the quote's
    if since < reader.paragraphs[segment.paragraph][0]:  # paragraph are behind it
        since = first.start_char
    voices = [
        speaker
        for verb in reader.speech_verbs(since, segment.start)
        if (speaker := reader.attributor.speaker_of(verb)) is not None
    ]
    if voices and voices[-1] != name:
        return None
    paragraph_end = reader.paragraphs[segment.paragraph][1]
    after_end = min(reader.next_sentence_end(segment.end, paragraph_end), paragraph_end)
    after = reader.tokens(segment.end, after_end)
    named = {index.by_token[t.i] for t in after if not reader.quoted(t.idx) and not _leads(t)}
    others = named - {None, name}
    if _reports_anew(reader, after):
        others = set()  # "In response, David Davis said the Tories would …": his own words
    if any(index.types.get(other or "") != PLACE for other in others):
        return None
    return Attribution(name, None, segment.start, segment.end)


def _leads(token: Token) -> bool:
    """Whether a name is the subject of a sentence's main clause or owns a thing ("Keane was
    full of praise for Duff's role …"): someone the story turns to, not one a quote is
    credited to ("… is the view of Graham Lane")."""
    while token.dep_ in {"compound", "amod"} and token.head is not token:
        token = token.head
    return token.dep_ == "poss" or (token.dep_ in _SUBJECTS and token.head.dep_ == "ROOT")


def _reports_anew(reader: QuoteText, after: list[Token]) -> bool:
    """Whether the sentence after a quote reports someone's own words ("In response, David
    Davis said the Tories would …"), so the people it names are not who may be quoted."""
    index = reader.attributor.index
    return any(
        t.dep_ in _SUBJECTS
        and is_speech_verb(t.head)
        and t.head.dep_ == "ROOT"
        and any(c.dep_ == "ccomp" and c.i > t.head.i for c in t.head.children)
        and index.types.get(index.by_token[t.i] or "") == PERSON
        for t in after
    )


def _last_subject(reader: QuoteText, name: str, start: int, end: int) -> int | None:
    """Where a person was last the subject between two token positions, by name ("Ian
    Pearson … told"), in apposition ("His friend, Saxon Spence, …") or as "he"/"she"."""
    people = reader.attributor.people
    found = [
        i
        for subjects in (people.leading, people.clause_subjects)
        for i, named in subjects
        if named == name and start <= i < end and _names(reader, i, name)
    ]
    found += [
        t.i
        for t in reader.doc[start:end]
        if t.lower_ in PRONOUNS
        and t.dep_ in _SUBJECTS
        and not reader.quoted(t.idx)
        and people.meant_by(t.i) == name
    ]
    return max(found, default=None)


def _names(reader: QuoteText, subject: int, name: str) -> bool:
    """Whether a subject is the person itself or in apposition to it ("His friend, Saxon
    Spence, …"), not only its owner ("Mr Smith's departure")."""
    by_token = reader.attributor.index.by_token
    token = reader.doc[subject]
    return by_token[subject] == name or any(
        child.dep_ == "appos" and by_token[child.i] == name for child in token.children
    )


def voice_since(
    reader: QuoteText, segment: Segment, before: Attribution | None, before_end: int
) -> Attribution | None:
    """For a quoted sentence standing alone: the speaker of the quote before it (which ends
    at `before_end`), when at most two sentences of narrative lie between that name nobody
    else and report no one ("…," Mr Morris says. A great soundbite. "It is …")."""
    if before is None or before.speaker is None or not _stands_alone(reader, segment):
        return None
    start = max(before_end, before.end)
    between = reader.sentences[reader.sentence_at(start) : reader.sentence_at(segment.start) + 1]
    narrative = [
        sentence
        for sentence in between
        if start <= sentence.start_char < segment.start
        and any(t.is_alpha and not reader.quoted(t.idx) for t in sentence)
    ]
    if len(narrative) > _VOICE_SINCE_REACH:
        return None
    if reader.speech_verbs(start, segment.start) or _names_other(
        reader, start, segment.start, before.speaker
    ):
        return None
    paragraph_end = reader.paragraphs[segment.paragraph][1]
    after_end = min(reader.next_sentence_end(segment.end, paragraph_end), paragraph_end)
    if _names_other(reader, segment.end, after_end, before.speaker) and not (
        reader.speech_verbs(segment.end, after_end)
    ):
        return None  # "That is the view of Olav Brekke": who may be the one quoted
    return Attribution(before.speaker, None, segment.start, segment.end)


def voice_between(
    reader: QuoteText, said: Attribution | None, stretches: list[Segment], adds: Attribution | None
) -> Attribution | None:
    """For quoted words with no speaker between two quotes of one speaker, the second
    opened right after them by "X added:" ("…," Souness said. Burns is caretaker. "He fits
    the bill." Souness added: "…"): that speaker, whom "added" says went on."""
    start, end = stretches[0].start, stretches[-1].end
    if said is None or adds is None or adds.verb is None or said.speaker is None:
        return None
    if adds.verb.lemma_ != "add" or adds.speaker != said.speaker or adds.verb.idx < end:
        return None
    if len(reader.text[end : adds.verb.idx].split()) > 2:
        return None  # only the speaker's name or "he" between: "Souness added:"
    return Attribution(said.speaker, None, start, end)


def _stands_alone(reader: QuoteText, segment: Segment) -> bool:
    """Whether a stretch is a whole sentence of quotation of its own."""
    sentence_start = reader.sentence_bounds(segment.start)[0]
    if reader.text[sentence_start : segment.start].strip():
        return False
    return ends_sentence(reader.text, segment)


def _names_other(reader: QuoteText, start: int, end: int, speaker: str) -> bool:
    """Whether a person but `speaker` is named outside quotes in a range, or an organisation
    is the subject of a clause there ("But what is it about UKIP that attracts him?" names
    no one who may speak)."""
    index = reader.attributor.index
    for token in reader.tokens(start, end):
        name = index.by_token[token.i]
        if name is None or name == speaker or reader.quoted(token.idx):
            continue
        kind = index.types.get(name)
        if kind == PERSON or (kind != PLACE and token.dep_ in _SUBJECTS):
            return True
    return False


def named_as(reader: QuoteText, sentence: Span, segment: Segment, start: int) -> Attribution | None:
    """For a short phrase a clause names something as ("Jobs described the Mac as the "most
    important Mac"", "called him "…""): the person that clause's own subject names."""
    if len(inner_words(reader.text, segment).split()) > _MAX_NAMING_WORDS:
        return None
    if not names_as(reader.tokens(segment.start, segment.end)):
        return None
    verb = governing_verb(sentence, segment.start, reader.quoted)
    if verb is None:
        return None
    attributor = reader.attributor
    subject = attributor.subject_of(verb)
    if subject is None or reader.quoted(subject.idx) or subject not in verb.subtree:
        return None  # no subject of its own: "His comments come as X called him "…""
    speaker = attributor.subject_speaker(subject)
    if attributor.index.types.get(speaker or "") != PERSON:
        return None
    return Attribution(speaker, verb, start, segment.end)
