"""Small SCORM 1.2 and 2004 packages built in code, good and bad, for the tests."""

from __future__ import annotations

import io
import stat
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="weerbaar-test-12" version="1"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Signalen herkennen (RIEC)</title>
      <item identifier="item1" identifierref="res1"><title>Les</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="{launch}">
      <file href="{launch}"/>
    </resource>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="weerbaar-test-2004" version="1"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Melden bij het RIEC (2004)</title>
      <item identifier="chapter">
        <title>Hoofdstuk</title>
        <item identifier="item1" identifierref="res1" parameters="?start=1">
          <title>Les</title>
        </item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco" href="{launch}">
      <file href="{launch}"/>
    </resource>
  </resources>
</manifest>
"""

# A two-step SCO: "Volgende" saves the place (location and suspend data) and commits;
# "Afronden" reports completed with a score and finishes. On a new visit it resumes at step 2.
SCO_HTML = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Test-SCO</title>
<script src="sco.js"></script></head>
<body>
<main>
  <h1>Test-e-learning</h1>
  <section id="step1"><p>Stap 1: een signaal.</p>
    <button type="button" id="next">Volgende</button></section>
  <section id="step2" hidden><p>Stap 2: melden.</p>
    <button type="button" id="finish">Afronden</button></section>
  <p id="done" hidden>Klaar!</p>
  <p id="resumed" hidden>Verder waar je was.</p>
</main>
</body></html>
"""

SCO_JS = """
(function () {
  var v2004 = %(v2004)s;
  function find(win) {
    for (var i = 0; win && i < 10; i++) {
      var api = v2004 ? win.API_1484_11 : win.API;
      if (api) { return api; }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }
  var api = find(window);
  function get(k12, k2004) {
    return api[v2004 ? "GetValue" : "LMSGetValue"](v2004 ? k2004 : k12);
  }
  function set(k12, k2004, value) {
    api[v2004 ? "SetValue" : "LMSSetValue"](v2004 ? k2004 : k12, value);
  }
  function commit() { api[v2004 ? "Commit" : "LMSCommit"](""); }
  function show(step) {
    document.getElementById("step1").hidden = step !== 1;
    document.getElementById("step2").hidden = step !== 2;
  }
  window.addEventListener("DOMContentLoaded", function () {
    api[v2004 ? "Initialize" : "LMSInitialize"]("");
    if (get("cmi.suspend_data", "cmi.suspend_data") === "stap=2") {
      document.getElementById("resumed").hidden = false;
      show(2);
      document.getElementById("finish").focus();
    } else {
      set("cmi.core.lesson_status", "cmi.completion_status", "incomplete");
      show(1);
    }
    document.getElementById("next").addEventListener("click", function () {
      set("cmi.core.lesson_location", "cmi.location", "stap-2");
      set("cmi.suspend_data", "cmi.suspend_data", "stap=2");
      commit();
      show(2);
      document.getElementById("finish").focus();
    });
    document.getElementById("finish").addEventListener("click", function () {
      if (v2004) {
        set("", "cmi.score.raw", "80"); set("", "cmi.score.min", "0");
        set("", "cmi.score.max", "100");
        set("", "cmi.score.scaled", "0.8"); set("", "cmi.success_status", "passed");
        set("", "cmi.completion_status", "completed");
      } else {
        set("cmi.core.score.raw", "", "80"); set("cmi.core.lesson_status", "", "passed");
      }
      commit();
      api[v2004 ? "Terminate" : "LMSFinish"]("");
      show(0);
      document.getElementById("done").hidden = false;
    });
  });
}());
"""


def scorm_zip(
    version: str = "1.2",
    *,
    launch: str = "index.html",
    manifest: str | None = None,
    extra: dict[str, bytes] | None = None,
    without: tuple[str, ...] = (),
) -> bytes:
    """A zip of a working package of ``version`` ("1.2" or "2004"), or a broken variant."""
    if manifest is None:
        manifest = (MANIFEST_12 if version == "1.2" else MANIFEST_2004).format(launch=launch)
    files = {
        "imsmanifest.xml": manifest.encode(),
        launch: SCO_HTML.encode(),
        launch.rsplit("/", 1)[0] + "/sco.js" if "/" in launch else "sco.js": (
            SCO_JS % {"v2004": "true" if version == "2004" else "false"}
        ).encode(),
        "images/pixel.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    }
    files.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            if name not in without:
                archive.writestr(name, data)
    return buffer.getvalue()


def zip_with_symlink() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", MANIFEST_12.format(launch="index.html"))
        archive.writestr("index.html", SCO_HTML)
        link = zipfile.ZipInfo("evil.html")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


def upload(data: bytes, name: str = "pakket.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")
