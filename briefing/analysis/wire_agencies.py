"""News agencies whose names a story carries but who never speak in it: Reuters, AP, AFP
and the like carry others' words (`briefing.analysis.attribution` credits them nothing)."""

from briefing.names import normalise_name

WIRE_AGENCIES = frozenset(
    normalise_name(name)
    for name in """Reuters|Reuter|Thomson Reuters|AP|Associated Press|the Associated Press|AFP|
    Agence France-Presse|Agence France Presse|UPI|United Press International|Interfax|Itar-Tass|
    TASS|RIA Novosti|Xinhua|Kyodo|Yonhap|Bernama|Anadolu|dpa|ANSA|EFE|Press Association|PA|
    Bloomberg|Dow Jones""".split("|")
)
