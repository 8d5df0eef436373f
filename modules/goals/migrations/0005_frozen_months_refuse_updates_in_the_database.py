"""A frozen month is never changed, also not past the models' ``save`` (a queryset
``update()``, a hand-run SQL statement): a trigger refuses every UPDATE of a snapshot and of a
figure's stored values. Deleting stays possible (a test database is emptied, a wrongly frozen
test month can be removed by a person with database access), and so does the one update the
models make themselves: a deleted department's link set to NULL (``on_delete=SET_NULL``).

SQLite drops a table's triggers when a later migration rebuilds that table; such a migration
must create them again (docs/goals.md)."""

from django.db import migrations

FIGURE_COLUMNS = (
    "snapshot_id, is_organisation, department_name, breakdown, group_size, numerator, "
    "denominator, value, suppressed, members"
)
MESSAGE = "A frozen month is never changed."

POSTGRES = f"""
CREATE OR REPLACE FUNCTION goals_refuse_frozen_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER goals_snapshot_frozen BEFORE UPDATE ON goals_indicatorsnapshot
    FOR EACH ROW EXECUTE FUNCTION goals_refuse_frozen_change();
CREATE TRIGGER goals_figure_frozen BEFORE UPDATE OF {FIGURE_COLUMNS} ON goals_snapshotfigure
    FOR EACH ROW EXECUTE FUNCTION goals_refuse_frozen_change();
"""
POSTGRES_UNDO = """
DROP TRIGGER IF EXISTS goals_figure_frozen ON goals_snapshotfigure;
DROP TRIGGER IF EXISTS goals_snapshot_frozen ON goals_indicatorsnapshot;
DROP FUNCTION IF EXISTS goals_refuse_frozen_change();
"""
SQLITE = [
    f"""CREATE TRIGGER goals_snapshot_frozen BEFORE UPDATE ON goals_indicatorsnapshot
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER goals_figure_frozen BEFORE UPDATE OF {FIGURE_COLUMNS}
    ON goals_snapshotfigure BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS goals_figure_frozen;",
    "DROP TRIGGER IF EXISTS goals_snapshot_frozen;",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES)
    elif vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_UNDO)
    elif vendor == "sqlite":
        for statement in SQLITE_UNDO:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("goals", "0004_onboarding_text_names_published_module_and_audience")]

    operations = [migrations.RunPython(create, drop)]
