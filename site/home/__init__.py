"""The public face of Weerbaar: home page, "Signaal melden" page and its reporting routes."""
