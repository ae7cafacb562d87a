from django.db import migrations, models

FILL = """
UPDATE participation_attendance SET school_year = (
    SELECT p.school_year FROM plans_activity a
    JOIN plans_measure m ON m.id = a.measure_id
    JOIN plans_actionplan p ON p.id = m.plan_id
    WHERE a.id = participation_attendance.activity_id
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0006_supervision_and_step_count"),
        ("plans", "0004_capacity"),
    ]

    operations = [
        migrations.AddField(
            model_name="attendance",
            name="school_year",
            field=models.PositiveSmallIntegerField(editable=False, null=True),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="attendance",
            name="school_year",
            field=models.PositiveSmallIntegerField(editable=False),
        ),
        migrations.AddIndex(
            model_name="attendance",
            index=models.Index(
                fields=["employee", "school_year"], name="participati_employe_a44d82_idx"
            ),
        ),
    ]
