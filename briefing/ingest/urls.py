"""Finding URLs in text and reducing them to one canonical form for duplicate detection."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

URL_RE = re.compile(r"https?://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]}]", re.IGNORECASE)

_TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "ref_src", "ref_url", "cmpid", "ocid", "smid", "sr_share",
    "at_medium", "at_campaign", "amp", "outputtype", "output", "usqp",
}  # fmt: skip
_AMP_VALUES = {"amp", "1", "true"}
_MOBILE_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")


def find_urls(text: str) -> list[str]:
    """Every http(s) URL in the text, in order, without repeats."""
    seen: dict[str, None] = {}
    for match in URL_RE.finditer(text):
        seen.setdefault(match.group(0), None)
    return list(seen)


def _canonical_host(host: str) -> str:
    host = host.lower().rstrip(".")
    changed = True
    while changed:
        changed = False
        for prefix in _MOBILE_HOST_PREFIXES:
            if host.startswith(prefix) and host.count(".") >= 2:
                host = host[len(prefix) :]
                changed = True
    return host


def _canonical_path(path: str) -> str:
    segments = [s for s in path.split("/") if s]
    if segments and segments[-1].lower() == "amp":
        segments.pop()
    if segments and segments[0].lower() == "amp":
        segments.pop(0)
    if segments:
        segments[-1] = re.sub(r"\.amp(\.html?)?$", r"\1", segments[-1], flags=re.IGNORECASE)
    return "/" + "/".join(segments) if segments else ""


def _keep_param(key: str, value: str) -> bool:
    lowered = key.lower()
    if lowered.startswith("utm_"):
        return False
    if lowered in {"amp", "outputtype", "output"}:
        return value.lower() not in _AMP_VALUES
    return lowered not in _TRACKING_PARAMS


def canonical_url(url: str) -> str:
    """One key for every form of the same page.

    Scheme and host case, "www."/mobile/AMP host and path variants, tracking parameters,
    fragments and trailing slashes are all folded away; http and https count as the same.
    """
    parts = urlsplit(url.strip())
    host = _canonical_host(parts.hostname or "")
    if parts.port and parts.port not in {80, 443}:
        host = f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if _keep_param(key, value)
    )
    return urlunsplit(("https", host, _canonical_path(parts.path), urlencode(query), ""))
