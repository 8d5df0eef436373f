"""SCORM 1.2 and 2004 packages as lessons: upload, a separate content origin, tracking.

A feature app (sibling of awareness, council, trends); it imports ``modules.learning`` to
complete a lesson and nothing above it. ``docs/scorm.md`` is the kernteam's and operator's
guide; this is the threat model that decided the design.

**What we defend against.** A SCORM package is a partner's zip of HTML and JavaScript. We trust
the partner to mean well, not the zip to be harmless: its scripts may be buggy, outdated
(a vulnerable jQuery) or tampered with on the way. Run on the site's own origin, such a
script could read the learner's pages, post forms with their session and CSRF token, or
act as the kernteam in the admin. The zip itself may try to write outside its folder (``..``,
absolute paths, links) or exhaust the disk (a zip bomb); see
:mod:`modules.scorm.package_files`.

**Why not a sandbox on the site's own origin.** ``sandbox allow-scripts`` without
``allow-same-origin`` gives the content an opaque origin, and then it cannot reach
``window.parent.API`` at all: each frame is its own origin, so neither the runtime in the
lesson page nor a wrapper frame is reachable, and SCORM content only finds its API by walking
up the frames. ``allow-scripts allow-same-origin`` on the site's origin is no sandbox (the
content can remove it from its own frame). A cache-first cross-frame shim (scorm-again's
``CrossFrameAPI``) answers the first ``GetValue`` before the state arrives, which breaks
resume.

**The design.** Package files are served only on a separate origin, ``SCORM_CONTENT_ORIGIN``
(another host name pointing at the same deployment, for example ``scorm.weerbaar.example``):

1. The lesson page (site origin) frames ``<content origin>/scorm/inhoud/<token>/``. The token
   is signed, expires after ``SCORM_TOKEN_MAX_AGE_HOURS`` and names the learner, the package,
   the lesson and the site origin allowed to frame it; it only opens that package's files.
   Serving the wrapper records a launch for the lesson in the learner's current module round
   (:class:`modules.scorm.models.ScormLaunch`).
2. That wrapper page (content origin) runs scorm-again, asks the lesson page by
   ``postMessage`` for the learner's saved state, seeds the runtime with it, exposes
   ``window.API`` / ``window.API_1484_11`` and then loads the package's start file in its own
   frame: same origin as the wrapper, so the content finds the API in ``window.parent``
   and its calls are synchronous, as SCORM requires.
3. After each commit the wrapper posts the values we keep (status, score, location, suspend
   data) to the lesson page, which accepts messages only from its frame's window and the
   content origin, and saves them with the learner's session and CSRF token
   (:func:`modules.scorm.views.track`: the learner the lesson is open to, sizes checked, and
   only after a launch in this round: a hand-made report for a package never opened is
   refused).

What the content can and cannot do there: the site's cookies are host-only, so requests on the
content origin carry no session; it cannot read the site's pages or tokens (another origin);
its Content-Security-Policy allows ``connect-src 'self'`` only, so it cannot send data to a
third party; ``frame-ancestors`` names the site, so nobody else can frame it; the frame's
``sandbox`` keeps it from navigating the lesson page or opening pop-ups. It receives no name,
only an opaque learner id. ``modules.scorm.middleware`` keeps every other URL of the project
off the content host. What it can still do: lie about its own completion and score (SCORM
has no defence there: the score is the content's word; the launch check only makes sure the
content was opened this round). A package's quiz counts as a
module's final quiz only when the kernteam chooses so (``ModulePage.final_quiz_scorm_lesson``);
the server then judges the reported score against the module's pass mark, not the content's
"passed", and the reports say the pass came from a partner's e-learning (docs/scorm.md).

Runtime: scorm-again 3.4.3 (MIT), vendored in ``static/scorm/vendor/`` (see its README).
"""
