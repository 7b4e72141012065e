"""Hand-labelled dated events on Reuters-21578 stories (`bench/events_quality.py` reads them).

Each label names a story by its corpus file and `newid`, a sentence by its index in
`briefing.sentences.sentence_spans` of the story's body (the `REUTER` sign-off removed), the
subject (alternative names separated by "|") and the date the clause carries, resolved against
the story's date: "YYYY-MM-DD", "YYYY-MM" or "YYYY", or "" for a subject whose clause carries no
date of its own (a date in the sentence belongs to something else), which a dated event of that
subject in that sentence contradicts. Only the labels are here, never the corpus text. The
labelled sentences are complete: every subject with a dated clause in them is listed.

DEVELOPMENT came from the first 40 stories that have a body and a `people` tag (in file and
line order) and may be studied; HELD_OUT from the next 40, labelled at the same time, before
the extraction was changed, and never used to change it.
"""

FILE0 = "reuters21578_000.jsonl"
FILE1 = "reuters21578_001.jsonl"
FILE2 = "reuters21578_002.jsonl"

Label = tuple[str, int, int, str, str]  # file, newid, sentence index, subject, date

DEVELOPMENT: list[Label] = [
    (FILE0, 28, 1, "Stephen Hess", ""),
    (FILE0, 28, 15, "Casey", "1987-01"),
    (FILE0, 28, 20, "Los Angeles Times", ""),
    (FILE0, 28, 23, "Reagan", "1987-03-02"),
    (FILE0, 203, 2, "Paul Volcker", "1987-02-19"),
    (FILE0, 209, 9, "Edmond Maire", "1987-02-26"),
    (FILE0, 209, 15, "Develle", ""),
    (FILE0, 209, 15, "Paribas", ""),
    (FILE0, 209, 20, "Marais", ""),
    (FILE0, 220, 0, "Spencer Russell", ""),
    (FILE0, 220, 2, "Spencer Russell", ""),
    (FILE0, 227, 0, "Paul Keating", ""),
    (FILE0, 227, 6, "Paul Keating", ""),
    (FILE0, 227, 11, "Paul Keating", ""),
    (FILE0, 230, 1, "Jaime Ongpin", "1987-02-28"),
    (FILE0, 238, 9, "Gandhi", ""),
    (FILE0, 238, 18, "Ramdas Dalal", "1987-02-28"),
    (FILE0, 248, 0, "Hisham Nazer", ""),
    (FILE0, 270, 0, "Jaime Ongpin", "1987-03-03"),
    (FILE0, 270, 4, "Manila|Philippines", ""),
    (FILE0, 308, 5, "Nakasone", "1987-03-02"),
    (FILE0, 319, 4, "Gandhi", "1987-02-28"),
    (FILE0, 319, 15, "Avinash Purulkar", ""),
    (FILE0, 347, 1, "Jaime Ongpin", "1987-02-28"),
    (FILE0, 348, 2, "Argentina", ""),
    (FILE0, 348, 6, "United States", "1987-02-26"),
    (FILE0, 350, 7, "Ongpin", "1987-02"),
    (FILE0, 357, 0, "Edouard Balladur", ""),
    (FILE0, 357, 3, "Edouard Balladur", ""),
    (FILE0, 386, 0, "Ronald Reagan", "1987-03-02"),
    (FILE0, 419, 5, "Brazil", "1987-02-20"),
    (FILE0, 419, 6, "Funaro", "1987-02-23"),
    (FILE0, 419, 6, "Gros", "1987-02-23"),
    (FILE0, 419, 6, "Funaro", "1987-03-02"),
    (FILE0, 419, 6, "Gros", "1987-03-02"),
    (FILE0, 419, 7, "Funaro", "1987-03-02"),
    (FILE0, 419, 7, "Gros", "1987-03-02"),
    (FILE0, 419, 18, "Funaro", ""),
    (FILE0, 419, 31, "Funaro", ""),
    (FILE0, 419, 31, "Brazil", ""),
    (FILE0, 458, 3, "Brazil", "1987-02-20"),
    (FILE0, 458, 7, "Funaro", "1987-02-23"),
    (FILE0, 458, 7, "Gros", "1987-02-23"),
    (FILE0, 458, 8, "Funaro", "1987-02-28"),
    (FILE0, 458, 9, "Funaro", "1987-03-02"),
    # Added after the first run showed it missing: "He said earlier today that Brazil was
    # approaching ..." reports what Brazil was doing that day, as the seed's "Russia is arming
    # Iraq, Lavrov said Wednesday" does.
    (FILE0, 458, 9, "Brazil", "1987-03-02"),
]

HELD_OUT: list[Label] = [
    (FILE1, 1248, 0, "Dilson Funaro", "1987-03-03"),
    (FILE1, 1248, 2, "Funaro", "1987-03-04"),
    (FILE1, 1290, 0, "United States", "1987-03-04"),
    (FILE1, 1290, 0, "Reagan", ""),
    (FILE1, 1290, 7, "Reagan", ""),
    (FILE1, 1453, 0, "Greece", "1987"),
    (FILE1, 1453, 0, "Dimitris Halikias", ""),
    (FILE1, 1453, 1, "Halikias", ""),
    (FILE1, 1453, 5, "Greece", ""),
    (FILE1, 1453, 5, "Halikias", ""),
    (FILE1, 1453, 6, "Greece", "1987"),
    (FILE1, 1453, 6, "Halikias", ""),
    (FILE1, 1591, 7, "Funaro", ""),
    (FILE1, 1617, 3, "Reagan", "1987-03-04"),
    (FILE1, 1617, 8, "Reagan", ""),
    (FILE1, 1686, 0, "Gholamreza Aqazadeh", "1987-03-06"),
    (FILE1, 1686, 0, "APS", "1987-03-04"),
    (FILE1, 1725, 1, "Speakes", ""),
    (FILE1, 1746, 0, "Reagan", "1987-03-04"),
    (FILE1, 1746, 10, "Robert Dole", ""),
    (FILE1, 1772, 4, "Clayton Yeutter", "1987-02-23"),
    (FILE1, 1772, 4, "Clayton Yeutter", "1987-04"),
    (FILE1, 1772, 4, "Richard Lyng", "1987-04"),
    (FILE1, 1772, 7, "Tom Cook", "1987-03-04"),
    (FILE1, 1773, 0, "South Africa", "1987-02"),
    (FILE1, 1773, 0, "Gerhard de Kock", ""),
    (FILE1, 1807, 0, "Reagan", "1987-06"),
    (FILE1, 1807, 0, "White House", ""),
    (FILE1, 1807, 1, "Reagan", "1987-06-03"),
    (FILE1, 1807, 1, "Nancy Reagan", "1987-06-03"),
    (FILE1, 1807, 1, "Reagan", "1987-06-06"),
    (FILE1, 1807, 2, "Reagan", "1987-06-12"),
    (FILE1, 1836, 1, "Piedmont", "1987-03-04"),
    (FILE1, 1836, 31, "Icahn", "1987"),
    (FILE1, 1895, 0, "Reagan", "1987-03-04"),
    (FILE1, 1895, 22, "Reagan", "1986-11-13"),
    (FILE1, 1895, 23, "Reagan", "1987-01"),
    (FILE1, 1896, 2, "Israel", "1985-08"),
    (FILE1, 1906, 5, "Suharto", ""),
    (FILE1, 1906, 16, "Export-Import Bank|Japan", "1987-02"),
    (FILE1, 1909, 7, "Subroto", ""),
    (FILE1, 1927, 2, "Hawke", "1987-02-23"),
    (FILE1, 1927, 2, "Keating", "1987-02-23"),
    (FILE1, 1957, 1, "LDP|Liberal Democratic Party", ""),
    (FILE1, 1967, 0, "Bank of France", "1987-03-09"),
    (FILE2, 2009, 0, "Cie Generale d'Electricite|CGE", "1987-05"),
    (FILE2, 2052, 5, "James Baker", ""),
    (FILE2, 2052, 9, "Senate", "1986"),
    (FILE2, 2052, 22, "Symms", "1987"),
    (FILE2, 2074, 3, "Wilson", ""),
]
