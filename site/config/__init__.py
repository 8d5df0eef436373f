"""Project package: settings, URL configuration and the WSGI entry point."""
