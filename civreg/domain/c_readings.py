"""C before A, O or U: K in French spelling (COULIBALY, CAMARA), the hushing TSH in the
orthographies of Bantu and Nilotic languages (Cilubà ``c`` = *tsh*: CIKWA/TSHIKWA; Swahili
CHUI written CUI; ACOLI/ACHOLI), where it is also written CH. The phonetic key follows French
(C → K before A/O/U, ``names.PHONETIC_RULES`` R7), so CUI and CHUI get the keys KUI and XUI,
in ranges a lookup never joins. Before E, I and Y the key already reads C as S, which the
hushing class takes (CIKWA/TSHIKWA). The other reading of such a name — each C before A/O/U
written CH — is compared with the other name (``search_score.field_score``), and a name asked
with CH is looked up under its C too (``search_match``). Not stored.
"""

from __future__ import annotations

import functools
import re

_C_BACK = re.compile(r"c(?=[aou])")
_CH_BACK = re.compile(r"ch(?=[aou])")


@functools.lru_cache(maxsize=10_000)
def c_as_ch(norm: str) -> str:
    """A normalised name (``names.normalize``) with each C before A/O/U written CH ("" when
    it holds none): the Bantu reading of its C, to compare with a name written with CH.

    >>> c_as_ch("cui"), c_as_ch("acoli"), c_as_ch("chui"), c_as_ch("kabore")
    ('chui', 'acholi', '', '')
    """
    if "c" not in norm:
        return ""
    other = _C_BACK.sub("ch", norm)
    return other if other != norm else ""


@functools.lru_cache(maxsize=10_000)
def ch_as_c(norm: str) -> str:
    """A normalised name with each CH before A/O/U written C ("" when it holds none): where
    a name asked with CH may be stored with that C (CHUI as CUI), whose key sorts elsewhere
    (KUI). For lookups only: its key reads that C as K, so it is never compared (CHABORE is
    not KABORE); the stored C is read as CH instead (``c_as_ch``).

    >>> ch_as_c("chui"), ch_as_c("acholi"), ch_as_c("cui")
    ('cui', 'acoli', '')
    """
    if "ch" not in norm:
        return ""
    other = _CH_BACK.sub("c", norm)
    return other if other != norm else ""
