"""Single sign-on in tests: Entra ID configured as ``config.settings.base`` builds it.

``tests/security/test_sso_claims.py`` checks that these settings are what the real settings
produce, so the SSO tests cannot drift from production.
"""

from __future__ import annotations

TENANT = "0b9c6f4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f"
ENTRA = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "entra",
                "name": "Microsoft-account van de gemeente",
                "client_id": "test-client",
                "secret": "test-secret",
                "settings": {
                    "server_url": f"https://login.microsoftonline.com/{TENANT}/v2.0",
                    "uid_field": "oid",
                    "fetch_userinfo": False,
                },
            }
        ]
    }
}


def use_entra(settings) -> None:
    """Switch SSO on for one test (pytest-django's ``settings`` fixture)."""
    settings.SOCIALACCOUNT_PROVIDERS = ENTRA
    settings.ENTRA_TENANT_ID = TENANT
    settings.WEERBAAR_SSO_EMAIL_DOMAINS = ["dordrecht.nl"]
