"""Reading an uploaded SCORM zip before anything is stored: the checks, the manifest, the launch.

A package comes from a partner, so the zip is untrusted input. :func:`inspect_package` reads
the central directory and the manifest only, refuses whatever could harm the server or the
site, and returns what the model needs (version, launch href, title, sizes). It writes
nothing; :func:`modules.scorm.services.package_create` extracts only a package that passed.

What is refused, and why:

- paths that could leave the package's folder or mean something else on another system
  (``..``, absolute paths, backslashes, drive letters, control characters) and symbolic links;
- more files, more compressed bytes, more uncompressed bytes, or a higher compression ratio
  than the ``SCORM_MAX_*`` settings allow (a zip bomb declares small sizes or packs gigabytes
  into kilobytes; :func:`read_member` also stops at the declared size while extracting);
- a manifest that is not at the root, is not well-formed, uses a DTD or entities (parsed with
  ``defusedxml``, so no billion laughs and no external entities), or names a launch file that
  is not in the zip.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MANIFEST = "imsmanifest.xml"
VERSION_12 = "1.2"
VERSION_2004 = "2004"
_MB = 1024 * 1024
_CHUNK = 64 * 1024
_SYMLINK = 0o120000
_FILE_TYPE_MASK = 0o170000
_BAD_CHARACTERS = re.compile(r"[\x00-\x1f\x7f\\:]")
# A file smaller than this may compress as well as it likes (a blank image, a CSS file).
_RATIO_FLOOR = 1 * _MB


@dataclass(frozen=True)
class PackageFile:
    name: str
    size: int


@dataclass(frozen=True)
class InspectedPackage:
    """What a valid package holds; ``launch_href`` may carry a query string from the manifest."""

    version: str
    title: str
    launch_href: str
    files: tuple[PackageFile, ...]

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)


def limits() -> dict[str, int]:
    return {
        "upload_mb": settings.SCORM_MAX_UPLOAD_MB,
        "uncompressed_mb": settings.SCORM_MAX_UNCOMPRESSED_MB,
        "files": settings.SCORM_MAX_FILES,
        "ratio": settings.SCORM_MAX_COMPRESSION_RATIO,
    }


def inspect_package(upload: IO[bytes], *, size: int) -> InspectedPackage:
    """Check the zip ``upload`` (``size`` bytes); a ``ValidationError`` in Dutch names the fault."""
    limit = limits()
    if size > limit["upload_mb"] * _MB:
        raise ValidationError(
            _("The package is larger than %(max)s MB.") % {"max": limit["upload_mb"]},
            code="too_large",
        )
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ValidationError(_("This file is not a zip file."), code="not_zip") from e
    with archive:
        files = _check_members(archive, limit)
        names = {f.name for f in files}
        if MANIFEST not in names:
            raise ValidationError(
                _("The package has no imsmanifest.xml in its top folder. Is it a SCORM package?"),
                code="no_manifest",
            )
        manifest = b"".join(read_member(archive, MANIFEST))
    version, title, launch = parse_manifest(manifest)
    launch_file = posixpath.normpath(launch.split("?", 1)[0].split("#", 1)[0])
    if launch_file not in names:
        raise ValidationError(
            _("The manifest starts the package with %(href)s, but that file is not in the zip.")
            % {"href": launch_file},
            code="no_launch_file",
        )
    return InspectedPackage(version=version, title=title, launch_href=launch, files=files)


def _check_members(archive: zipfile.ZipFile, limit: dict[str, int]) -> tuple[PackageFile, ...]:
    infos = archive.infolist()
    file_infos = [info for info in infos if not info.is_dir()]
    if len(file_infos) > limit["files"]:
        raise ValidationError(
            _("The package holds %(count)s files; at most %(max)s are allowed.")
            % {"count": len(file_infos), "max": limit["files"]},
            code="too_many_files",
        )
    total = 0
    seen: set[str] = set()
    files = []
    for info in infos:
        name = safe_member_name(info.filename)
        if (info.external_attr >> 16) & _FILE_TYPE_MASK == _SYMLINK:
            raise ValidationError(
                _("The package holds a link (%(name)s); only ordinary files are allowed.")
                % {"name": name},
                code="symlink",
            )
        if info.is_dir():
            continue
        if name.lower() in seen:
            raise ValidationError(
                _("The package holds %(name)s twice.") % {"name": name}, code="duplicate"
            )
        seen.add(name.lower())
        if info.file_size > _RATIO_FLOOR and info.file_size > limit["ratio"] * max(
            info.compress_size, 1
        ):
            raise ValidationError(
                _("%(name)s is packed suspiciously tightly (a zip bomb?); the package is refused.")
                % {"name": name},
                code="ratio",
            )
        total += info.file_size
        if total > limit["uncompressed_mb"] * _MB:
            raise ValidationError(
                _("Unpacked, the package is larger than %(max)s MB.")
                % {"max": limit["uncompressed_mb"]},
                code="too_large_unpacked",
            )
        files.append(PackageFile(name=name, size=info.file_size))
    return tuple(files)


def safe_member_name(raw: str) -> str:
    """``raw`` as a relative path inside the package, or a ``ValidationError``.

    Refused rather than cleaned: a partner's package with such a name is broken or hostile,
    and silently renaming a file would break the links to it.
    """
    name = raw[:-1] if raw.endswith("/") else raw
    parts = name.split("/")
    if (
        not name
        or name.startswith("/")
        or _BAD_CHARACTERS.search(name)
        or any(part in ("", ".", "..") for part in parts)
        or len(name) > 240
    ):
        raise ValidationError(
            _("The package holds a file with a path that is not allowed: %(name)s")
            % {"name": raw[:200]},
            code="bad_path",
        )
    return name


def read_member(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """The bytes of ``name`` in chunks, never more than the size its header declares."""
    info = archive.getinfo(name)
    read = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            read += len(chunk)
            if read > info.file_size:
                raise ValidationError(
                    _("%(name)s is larger than the zip says; the package is refused.")
                    % {"name": name},
                    code="size_mismatch",
                )
            yield chunk


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _attribute(element, name: str) -> str:
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value
    return ""


def parse_manifest(data: bytes) -> tuple[str, str, str]:
    """(version, title, launch href) from ``imsmanifest.xml``.

    The version comes from ``metadata/schemaversion`` ("1.2", "2004 3rd Edition", "CAM 1.3")
    and otherwise from the ADL namespace the manifest uses. The launch is the resource of the
    first item (depth first) with a resource in the default organisation, with the item's
    ``parameters`` appended, as the SCORM content packaging spec has the LMS do.
    """
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as e:
        raise ValidationError(
            _("imsmanifest.xml cannot be read (not valid XML, or it uses a DTD or entities)."),
            code="bad_manifest",
        ) from e
    if _local(root.tag) != "manifest":
        raise ValidationError(_("imsmanifest.xml is not a manifest."), code="bad_manifest")
    version = _version(root, data)
    organisations = next(iter(_children(root, "organizations")), None)
    resources = next(iter(_children(root, "resources")), None)
    if resources is None:
        raise ValidationError(_("The manifest lists no resources."), code="no_resources")
    by_id = {_attribute(r, "identifier"): r for r in _children(resources, "resource")}
    title = ""
    launch = ""
    if organisations is not None:
        orgs = _children(organisations, "organization")
        default = _attribute(organisations, "default")
        org = next((o for o in orgs if _attribute(o, "identifier") == default), None) or next(
            iter(orgs), None
        )
        if org is not None:
            title = _text(org, "title")
            launch = _first_launch(org, by_id, base=_attribute(resources, "base"))
            if _sco_count(org, by_id) > 1:
                # Only the first would play, and its report would count for the whole package.
                raise ValidationError(
                    _(
                        "The package consists of more than one part (SCO). Weerbaar plays "
                        "packages of one part; ask the maker for a single-SCO export."
                    ),
                    code="multi_sco",
                )
    if not launch:
        raise ValidationError(
            _("The manifest names no file to start the package with (no item with a resource)."),
            code="no_launch",
        )
    if (
        launch.startswith(("/", "\\"))
        or "://" in launch
        or launch.lower().startswith("javascript:")
    ):
        raise ValidationError(
            _("The manifest starts the package outside the package (%(href)s).") % {"href": launch},
            code="bad_launch",
        )
    safe_member_name(posixpath.normpath(launch.split("?", 1)[0].split("#", 1)[0]))
    return version, title[:255], launch


def _version(root, data: bytes) -> str:
    metadata = next(iter(_children(root, "metadata")), None)
    schema_version = _text(metadata, "schemaversion") if metadata is not None else ""
    if schema_version.strip() == "1.2":
        return VERSION_12
    if "2004" in schema_version or "1.3" in schema_version:
        return VERSION_2004
    if b"adlcp_v1p3" in data:
        return VERSION_2004
    if b"adlcp_rootv1p2" in data:
        return VERSION_12
    raise ValidationError(
        _("The manifest does not say whether this is SCORM 1.2 or SCORM 2004."),
        code="no_version",
    )


def _text(element, name: str) -> str:
    child = next(iter(_children(element, name)), None)
    return (child.text or "").strip() if child is not None else ""


def _sco_count(element, by_id: dict) -> int:
    """The SCOs (resources that talk to the runtime, not assets) that items below
    ``element`` play, each counted once: two items may start the same SCO."""
    return len(_scos(element, by_id))


def _scos(element, by_id: dict) -> set[str]:
    found: set[str] = set()
    for item in _children(element, "item"):
        ref = _attribute(item, "identifierref")
        resource = by_id.get(ref)
        if resource is not None and _attribute(resource, "scormtype").lower() == "sco":
            found.add(ref)
        found |= _scos(item, by_id)
    return found


def _first_launch(element, by_id: dict, *, base: str) -> str:
    for item in _children(element, "item"):
        ref = _attribute(item, "identifierref")
        resource = by_id.get(ref) if ref else None
        href = _attribute(resource, "href") if resource is not None else ""
        if href:
            prefix = _attribute(resource, "base") or base
            parameters = _attribute(item, "parameters")
            if parameters:
                parameters = parameters.lstrip("?&")
                href = f"{href}{'&' if '?' in href else '?'}{parameters}"
            return posixpath.join(prefix, href) if prefix else href
        nested = _first_launch(item, by_id, base=base)
        if nested:
            return nested
    return ""
