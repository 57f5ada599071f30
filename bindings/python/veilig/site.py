"""The programme as a static website (site.h): :func:`site` writes it with
``veilig_site_write``, or loads a document and writes its site at once with
``veilig_site_write_file``. docs/site.md says what it writes."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Union

from . import _capi

if TYPE_CHECKING:  # pragma: no cover
    from .registry import Registry

__all__ = ["site"]


def site(reg: "Union[Registry, str, bytes, os.PathLike[str]]",
         dir: "Union[str, os.PathLike[str]]", *, lang: str = "both",
         include_personal: bool = False, force: bool = False, peers: int = 0,
         threads: int = 0) -> None:
    """Writes the website of reg into the folder dir (made when missing).

    reg: a Registry, or the path of a document: then the document is
    loaded and its site written at once, each municipality's page begun
    while the rest still loads (the same pages; nothing is written when
    it does not load, which raises as veilig.load does).

    lang: "nl", "en" or "both" (Dutch at the top, English under en/);
    include_personal: show contacts marked personal; force: write into a
    folder that is not empty and holds no earlier site; peers: comparison
    pages per municipality (0: 3); threads: how many threads write the
    pages (0: one per processor; the pages are the same bytes). Raises
    veilig.Error (an IOError-like veilig.Error for a folder that cannot be
    written or is refused, InvalidArgumentError for an unknown language)."""
    if not isinstance(lang, str):
        raise TypeError("lang must be a str (nl, en or both), not %s" % type(lang).__name__)
    if isinstance(threads, bool) or not isinstance(threads, int) or not 0 <= threads <= 256:
        raise ValueError("threads must be a whole number from 0 to 256, not %r" % (threads,))
    flags = (_capi.SITE_INCLUDE_PERSONAL if include_personal else 0) | \
        (_capi.SITE_FORCE if force else 0)
    opts = _capi.SiteOptions(_capi.SITE_OPTIONS_VERSION, _capi.encode(lang, "lang"), flags,
                             int(peers), threads)
    if isinstance(reg, (str, bytes, os.PathLike)):
        from .registry import _Loading  # (a module above this one)
        path, folder = os.fsencode(reg), os.fsencode(dir)
        loading = _Loading(None, 0, 0, 0, 0)
        loading.call("veilig_site_write_file",
                     lambda load_opts: _capi.lib().veilig_site_write_file(
                         None, path, load_opts, folder, opts, _capi.ErrorRecord()))
        return
    _capi.lib().veilig_site_write(reg._p(), os.fsencode(dir), opts, _capi.ErrorRecord())
