"""How hard a text is to read, per language: sentences, long words, jargon, capitals, a score.

careprint's readers are patients, often older, often reading in a second language. The rules
follow Dutch plain language (B1: short sentences, common words) and their counterparts:

- a sentence longer than a limit (15 words by default; Arabic counts its words the same way);
- a word longer than a limit (letters; a word with a hyphen counts per part);
- words from a per-language list of jargon (careprint's, plus the practice's), unless the
  sentence explains them (brackets after the word, or "dat wil zeggen", "that is", ...);
- whole sentences in capitals;
- a score per text: Flesch-Douma (Dutch), Flesch reading ease (English), Amstad (German),
  Atesman (Turkish); Arabic has none here (no tested syllable rule), only the two lengths.

The scores are written here, not taken from textstat: textstat fetches an English pronouncing
dictionary (CMUdict, through nltk) from the internet the first time it counts English syllables,
has no Turkish formula, and splits sentences and words for English. The formulas are one line
each; syllables come from pyphen's hyphenation patterns (nl, de, en), Turkish syllables are its
vowels (every Turkish syllable has exactly one).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache

import pyphen

# language -> (sentence words, word letters, lowest score); None: no score for that language
DEFAULTS: dict[str, tuple[int, int, float | None]] = {
    "nl": (15, 20, 60.0),
    "en": (15, 15, 60.0),
    "de": (15, 20, 50.0),
    "tr": (15, 18, 50.0),
    "ar": (15, 12, None),
}
FALLBACK = (15, 20, None)
SCORE_WORDS = 20  # a score says little about a shorter text: it is shown, never a finding

SCORES = {
    "nl": "Flesch-Douma",
    "en": "Flesch reading ease",
    "de": "Amstad",
    "tr": "Atesman",
}

EXPLAINED = {  # words that introduce an explanation right after a term
    "nl": ("dat is", "dat wil zeggen", "dat betekent", "dit heet", "oftewel", "ofwel"),
    "en": ("that is", "which means", "this means", "meaning", "called"),
    "de": ("das heißt", "das bedeutet", "also", "genannt"),
    "tr": ("yani", "demek", "denir"),
    "ar": ("أي", "يعني", "وهو", "وهي", "يسمى هذا", "ويسمى هذا"),
}

VOWELS = {
    "nl": "aeiouyáéíóúäëïöüèàâêîôû",
    "de": "aeiouyäöüáéíóúàèâêîôû",
    "en": "aeiouy",
    "tr": "aeıioöuüâîû",
}
HYPHENATION = {"nl": "nl_NL", "de": "de_DE", "en": "en_US"}

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+", re.IGNORECASE)
# a sentence ends at . ! ? or the Arabic question mark and a space, unless a lower-case letter
# follows (so "bijv. een" goes on; "8.30" has no space)
SENTENCE_END = re.compile(r"[.!?؟…][\"'”’)]*\s+")


@dataclass(frozen=True)
class Limits:
    language: str
    sentence_words: int
    word_letters: int
    min_score: float | None
    jargon: tuple[tuple[str, str], ...] = ()  # (term, plain words to use or "")


def limits(
    language: str,
    sentence_words: int | None = None,
    word_letters: int | None = None,
    min_score: float | None = None,
    jargon: tuple[tuple[str, str], ...] = (),
) -> Limits:
    """The limits of a language: careprint's defaults, overridden where given."""
    words, letters, score = DEFAULTS.get(base(language), FALLBACK)
    return Limits(
        language,
        sentence_words or words,
        word_letters or letters,
        score if min_score is None else min_score,
        jargon,
    )


def base(language: str) -> str:
    return language.split("-")[0].lower()


def parse_jargon(text: str) -> tuple[tuple[str, str], ...]:
    """A jargon list: one term a line, optionally '= plain words'; '#' starts a comment."""
    found = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        term, _, plain = line.partition("=")
        found.append((term.strip().lower(), plain.strip()))
    return tuple(found)


# -- counting -------------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    """The sentences of a text: paragraphs and lines of a list apart, then at full stops."""
    found = []
    for part in re.split(r"\n\s*\n|\n(?=\s*[-•*] )", text):
        part = " ".join(part.split())
        start = 0
        for end in SENTENCE_END.finditer(part):
            following = part[end.end() :].lstrip("\"'“‘(")
            if following and not following[0].islower():
                found.append(part[start : end.end()].strip())
                start = end.end()
        if part[start:].strip():
            found.append(part[start:].strip())
    return found


def words(sentence: str) -> list[str]:
    """The words of a sentence: letters (with an apostrophe inside), no numbers or addresses;
    a word with a hyphen or a slash is its parts."""
    return WORD.findall(ADDRESS.sub(" ", sentence))


@cache
def _hyphenator(language: str) -> pyphen.Pyphen | None:
    name = HYPHENATION.get(language)
    return pyphen.Pyphen(lang=name, left=1, right=1) if name else None


def syllables(word: str, language: str) -> int:
    """The syllables of a word. Turkish: its vowels. Dutch, German and English: the pieces
    pyphen's hyphenation patterns cut it into that hold a vowel; English also counts its vowel
    groups (the patterns leave 'area' and 'easy' whole) and takes the larger."""
    return _syllables(word.lower(), base(language))


@cache
def _syllables(lower: str, lang: str) -> int:
    """The syllables of a lower-case word (a word comes back in every text: counted once)."""
    vowels = VOWELS.get(lang, VOWELS["en"])
    if lang == "tr":
        return max(1, sum(1 for c in lower if c in vowels))
    hyphenator = _hyphenator(lang)
    count = 0
    if hyphenator is not None:
        pieces = hyphenator.inserted(lower, hyphen="\x00").split("\x00")
        count = sum(1 for piece in pieces if any(c in vowels for c in piece))
    if lang == "en" or hyphenator is None:
        count = max(count, _vowel_groups(lower))
    return max(1, count)


def _vowel_groups(word: str) -> int:
    """English syllables by vowel groups: a final silent 'e' (not '-le') does not count."""
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return count


def score(language: str, words_: int, sentences_: int, syllables_: int) -> float | None:
    """The language's reading-ease score (higher is easier), or None where careprint has none."""
    if not words_ or not sentences_:
        return None
    asl = words_ / sentences_  # words a sentence
    asw = syllables_ / words_  # syllables a word
    match base(language):
        case "nl":  # Douma (1960)
            return 206.835 - 0.93 * asl - 77 * asw
        case "en":  # Flesch (1948)
            return 206.835 - 1.015 * asl - 84.6 * asw
        case "de":  # Amstad (1978)
            return 180 - asl - 58.5 * asw
        case "tr":  # Atesman (1997)
            return 198.825 - 40.175 * asw - 2.610 * asl
    return None


# -- findings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing that makes a text hard to read; ``sentence`` is the index of its sentence."""

    rule: str  # sentence | word | jargon | capitals | score
    message: str
    fix: str
    sentence: int = 0


@dataclass
class Analysis:
    """One text: its counts, its score and what is hard in it."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    longest: int = 0  # words in the longest sentence
    score: float | None = None
    problems: list[Problem] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # the sentences, in order


def analyse(text: str, rules: Limits, seen: set[str] | None = None) -> Analysis:
    """What is hard to read in ``text``. ``seen`` holds the jargon already found (or explained)
    earlier in the same file: a term is asked about once a file."""
    seen = set() if seen is None else seen
    result = Analysis()
    lang = base(rules.language)
    for sentence in sentences(text):
        found = words(sentence)
        if not found:
            continue
        index = len(result.texts)
        result.texts.append(sentence)
        result.sentences += 1
        result.words += len(found)
        result.syllables += sum(syllables(w, lang) for w in found)
        result.longest = max(result.longest, len(found))
        if len(found) > rules.sentence_words:
            result.problems.append(
                Problem(
                    "sentence",
                    f"a sentence of {len(found)} words (at most {rules.sentence_words}): "
                    f"'{_start(sentence)}'",
                    "Split it into shorter sentences: one thing a sentence.",
                    index,
                )
            )
        for word in dict.fromkeys(
            w for w in found if len(w) > rules.word_letters and _own(w, lang)
        ):
            result.problems.append(
                Problem(
                    "word",
                    f"the word '{word}' has {len(word)} letters (at most {rules.word_letters})",
                    "Use a shorter, everyday word, or write it as two (e.g. with a hyphen).",
                    index,
                )
            )
        result.problems += _jargon(sentence, index, rules, seen)
        if _capitals(found):
            result.problems.append(
                Problem(
                    "capitals",
                    f"a whole sentence in capitals: '{_start(sentence)}'",
                    "Write it in ordinary letters; make it bold to stress it.",
                    index,
                )
            )
    result.score = score(lang, result.words, result.sentences, result.syllables)
    return result


def score_problem(total: Analysis, rules: Limits) -> Problem | None:
    """A block (all its texts together) whose score is below the lowest the practice wants;
    never for fewer than SCORE_WORDS words, where a score says little."""
    lang = base(rules.language)
    value = score(lang, total.words, total.sentences, total.syllables)
    if value is None or rules.min_score is None or total.words < SCORE_WORDS:
        return None
    if value >= rules.min_score:
        return None
    return Problem(
        "score",
        f"hard to read: {SCORES[lang]} score {math.floor(value)} "
        f"(at least {rules.min_score:g}) for this block of {total.words} words",
        "Use shorter sentences and shorter, everyday words.",
    )


def _own(word: str, language: str) -> bool:
    """Whether a word is in the language's own script: a Dutch name in an Arabic text (such as
    'huisartsenpost') is not held to Arabic's shorter words."""
    if language == "ar":
        return any("\u0600" <= c <= "\u06ff" for c in word)
    return True


def _start(sentence: str, length: int = 60) -> str:
    return sentence if len(sentence) <= length else sentence[: length - 1].rstrip() + "…"


def _capitals(found: list[str]) -> bool:
    """Three words or more, every one of them in capitals (a short 'LET OP' counts too)."""
    cased = [w for w in found if any(c.isalpha() and c.lower() != c.upper() for c in w)]
    if len(cased) < 0.8 * len(found):  # a script without capitals, e.g. Arabic with 'RSI' in it
        return False
    long_enough = len(cased) >= 3 or (len(cased) >= 2 and sum(map(len, cased)) >= 5)
    return long_enough and all(w.isupper() for w in cased) and any(len(w) > 1 for w in cased)


@cache
def _term(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(term)}\w*", re.IGNORECASE)


def _jargon(sentence: str, index: int, rules: Limits, seen: set[str]) -> list[Problem]:
    problems = []
    lower = sentence.lower().replace("\u0307", "")  # Turkish 'İ' lowers to i and a dot
    for term, plain in rules.jargon:
        if term in seen or term[:3] not in lower:  # the quick look first
            continue
        # matched in the sentence itself: lower() may change its length (Turkish 'İ')
        match = _term(term).search(sentence)
        if match is None:
            continue
        seen.add(term)
        after = sentence[match.end() :].lstrip(" ,:–-").lower()
        before = sentence[: match.start()].rstrip().lower()
        if before.count("(") > before.count(")"):
            continue  # inside brackets: itself the explanation of the word before them
        phrases = EXPLAINED.get(base(rules.language), ())
        introduced = any(after.startswith(w) or before.endswith(w) for w in phrases)
        if after.startswith("(") or before.endswith("(") or introduced:
            continue  # explained in the same sentence
        fix = f"Use '{plain}' instead, or explain it" if plain else "Explain it"
        problems.append(
            Problem(
                "jargon",
                f"'{sentence[match.start() : match.end()]}' is a word many patients do not know",
                f"{fix} in everyday words, e.g. in brackets after it (once a file is enough).",
                index,
            )
        )
    return problems
