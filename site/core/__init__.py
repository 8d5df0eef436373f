"""Site-wide plumbing: health check, error pages, navigation context, demo content command."""
