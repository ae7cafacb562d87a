import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    Employee = apps.get_model("participation", "Employee")
    for employee in Employee.objects.only("pk").iterator():
        Employee.objects.filter(pk=employee.pk).update(calendar_token=uuid.uuid4())


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
