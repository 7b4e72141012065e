"""Verbs of saying, and which verb's subject speaks for one: `"…," he continued` but not
"continue to make"; "quoted X as saying"; "added" hung under the clause another verb of
saying reports; verbs of judging that frame a quoted phrase ("accused them of "…"") and
whether a quote lies in the clause a verb reports."""

from collections.abc import Callable

from spacy.tokens import Span, Token

SPEECH_VERBS = frozenset(
    """say tell add state claim insist argue warn announce explain note report deny confirm
    acknowledge admit suggest predict stress emphasise emphasize maintain reiterate assert
    declare allege contend write tweet recall reply respond answer ask comment conclude vow
    promise pledge threaten complain concede quip joke continue agree urge underline counter
    retort forecast recount observe remark muse boast lament exclaim reveal assure caution
    mention testify grumble enthuse scoff whisper shout""".split()
)
# Verbs that frame a quoted phrase as their subject's words without being verbs of saying.
PHRASE_VERBS = frozenset(
    """accuse point recall remember describe call dismiss welcome criticise criticize introduce
    praise condemn hail reject brand label blame attack defend demand liken compare mock
    cite hope vow pledge promise dub term""".split()
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CONTINUED = frozenset({"xcomp", "dobj", "prep", "advcl"})  # "continue to make": no saying


def is_speech_verb(token: Token) -> bool:
    """Whether a token is a verb of saying ("said", "told", "added", …); "continue" only
    as '"…," he continued', not "continue to make" or "continued its work"; "go" only as
    "went on: "…""."""
    if token.lemma_.lower() == "go" and token.pos_ == "VERB":
        return _goes_on_saying(token)
    if token.lemma_.lower() == "read" and token.pos_ == "VERB":
        return _read_out(token)
    if token.lemma_.lower() == "point" and token.pos_ == "VERB":  # "pointed out that …"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ == "acl" and is_infinitive(token):
        return False  # "its ability to maintain reserves", "the decision to announce"
    if token.lemma_.lower() == "continue":
        return not any(c.dep_ in _CONTINUED for c in token.children)
    return True


# Writings that "read" what they say ("…," read the statement).
_WRITINGS = frozenset({"statement", "letter", "message", "note", "notice", "sign", "banner"})


def _read_out(verb: Token) -> bool:
    """Whether "read" is what a writing says ("…," read the statement; the letter read: "…"),
    not someone reading it."""
    arguments = [c for c in verb.children if c.dep_ in {"nsubj", "dobj"}]
    return any(c.lemma_.lower() in _WRITINGS for c in arguments) and not any(
        c.dep_ == "nsubj" and c.lemma_.lower() not in _WRITINGS for c in arguments
    )


def _goes_on_saying(verb: Token) -> bool:
    """Whether "go" is "went on: "…"", saying more, not "went on to list" or "went on
    holiday"."""
    children = list(verb.children)
    return any(c.dep_ == "prt" and c.lower_ == "on" for c in children) and not any(
        c.dep_ in _CONTINUED | {"attr", "acomp"} for c in children
    )


def quoted_as_saying(verb: Token) -> Token | None:
    """Who "quoted X as saying" or "X was quoted as saying" names: X, also when the parser
    hung "as saying" on a later verb ("They quoted a soldier, Hamid Dehqani, as saying …")."""
    if verb.lemma_.lower() != "say":
        return None
    above = [verb.head, verb.head.head]
    if verb.head.lower_ == "as":
        start = verb.sent.start
        above += [t for t in verb.doc[start : verb.head.i] if t.lemma_.lower() == "quote"][-1:]
    for quoting in above:
        if quoting.lemma_.lower() == "quote" and quoting.i != verb.i:
            for child in quoting.children:
                if child.dep_ in {"dobj", "nsubjpass"}:
                    return child
    return None


def teller(verb: Token) -> Token:
    """The verb whose subject speaks for a verb of saying: itself, or the verb of saying the
    parser hung it under ("X said the prince went down on one knee and added: …", "X said
    Mr Blair had spoken with sincerity, adding: …", where "added" and "adding" are X's), or
    the verb of belief before it ("X believes the break helps, explaining: …")."""
    head = verb.head
    hung = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    if (
        hung
        and not is_speech_verb(head)
        and head.dep_ == "ccomp"
        and head.head.pos_ == "VERB"
        and head.head.i < head.i
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
    ):
        return head.head
    return verb


def reported_saying(verb: Token, quoted: Callable[[int], bool]) -> bool:
    """Whether a verb of saying hangs under another outside quotation marks, which reports
    it ("X said he backed the plans when Y argued for them": X's words, not Y's)."""
    return any(is_speech_verb(a) and not quoted(a.idx) for a in verb.ancestors)


def object_read_as_subject(verb: Token) -> bool:
    """Whether the subject the parser gave a bare participle is the object of the verb it
    hangs on ("Mr Lee e-mailed Mr Park pointing out the mistake": Lee points it out)."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in {"ccomp", "advcl", "xcomp"} or head.pos_ != "VERB":
        return False
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    if any(c.dep_ == "dobj" for c in head.children):
        return False
    return any(c.dep_ == "nsubj" and head.i < c.i < verb.i for c in verb.children)


def reports(verb: Token, char: int) -> bool:
    """Whether a character lies in the clause a verb of saying reports (`she said that lists
    were "…"`), not in a clause merely hanging on it."""
    for clause in verb.children:
        if clause.dep_ in {"ccomp", "xcomp"}:
            end = clause.right_edge.idx + len(clause.right_edge)
            if clause.left_edge.idx <= char < end:
                return True
    return False


def phrase_verb(
    sentence: Span,
    start: int,
    quoted: Callable[[int], bool],
    subject_of: Callable[[Token], Token | None],
) -> Token | None:
    """The verb that frames a quoted phrase starting at `start` inside its sentence when it
    is a verb of judging or urging rather than saying: the main verb ("He accused the
    government of "…"", "Kennedy pointed out that … "…""), or the one whose own words the
    phrase is, with a subject of its own ("critics were cool, with the Times labelling it
    a "…""): its subject chose the words."""
    if start <= sentence.start_char or not sentence.root.idx < start:
        return None
    inner = [
        t
        for t in sentence
        if t.idx < start
        and t.i != sentence.root.i
        and t.lemma_.lower() in PHRASE_VERBS
        and t.left_edge.idx <= start <= t.right_edge.idx
        and any(c.dep_ in _SUBJECTS for c in t.children)
    ]
    for verb in (*inner[-1:], sentence.root):
        if verb.lemma_.lower() not in PHRASE_VERBS or quoted(verb.idx):
            continue
        subject = subject_of(verb)
        if subject is not None and not quoted(subject.idx):
            return verb
    return None


def governing_verb(sentence: Span, start: int, quoted: Callable[[int], bool]) -> Token | None:
    """The nearest verb outside quotation marks before a quoted phrase starting at `start`
    whose clause holds it ("was described by Jobs as the "…""), else None."""
    if start <= sentence.start_char:
        return None
    holding = [
        t
        for t in sentence
        if t.idx < start
        and t.pos_ in {"VERB", "AUX"}
        and not quoted(t.idx)
        and t.left_edge.idx <= start <= t.right_edge.idx
    ]
    return holding[-1] if holding else None


def names_as(phrase: list[Token]) -> bool:
    """Whether a quoted phrase is what a verb names something ("referred to them as "…"",
    "called him "…"", "branding the tax a "…""): its head hangs on "as" or completes the
    verb's object."""
    inside = {t.i for t in phrase}
    heads = [t for t in phrase if t.head.i not in inside and not t.is_punct]
    return any(t.dep_ == "oprd" or (t.dep_ == "pobj" and t.head.lower_ == "as") for t in heads)


_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def is_amount(subject: Token) -> bool:
    """Whether a subject is an amount ("the 630 mln dlrs agreed for …"), which says nothing
    though a verb of saying ("agree") may have it for subject."""
    return subject.ent_type_ in _AMOUNTS or any(c.dep_ == "nummod" for c in subject.children)


def is_infinitive(verb: Token) -> bool:
    """Whether a verb is an infinitive with "to" ("to say sorry", "to maintain reserves")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def misjoined(verb: Token) -> bool:
    """Whether a verb of saying with no subject of its own is joined to a verb that is no
    verb of saying, as the parser may join "but added" to a reported clause."""
    return (
        verb.dep_ == "conj"
        and not is_speech_verb(verb.head)
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
    )
