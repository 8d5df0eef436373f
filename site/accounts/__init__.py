"""People: users, departments, roles and audiences, plus login and MFA enforcement."""
