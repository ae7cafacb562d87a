import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    """A token of its own for every employee, 5 000 rows a statement."""
    Employee = apps.get_model("participation", "Employee")
    batch = []
    for employee in Employee.objects.only("pk").iterator(chunk_size=5000):
        employee.calendar_token = uuid.uuid4()
        batch.append(employee)
        if len(batch) == 5000:
            Employee.objects.bulk_update(batch, ["calendar_token"])
            batch = []
    Employee.objects.bulk_update(batch, ["calendar_token"])


class Migration(migrations.Migration):
    dependencies = [("participation", "0008_networks")]

    operations = [
        migrations.AddField(
            model_name="employee",
            name="calendar_token",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="employee",
            name="calendar_token",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
