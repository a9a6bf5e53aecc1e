"""The job table takes kern's name, and the content type of bronnen.achtergrondtaak becomes kern's.

Moving the content type (rather than letting post_migrate create a new one) keeps the permission rows and so the
groups that hold `view_achtergrondtaak` (the beheerder); on a fresh database there is no content type yet and
post_migrate creates kern's.
"""

from django.db import migrations


def inhoudstype_overdragen(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label="kern", model="achtergrondtaak").exists():
        return
    ContentType.objects.filter(app_label="bronnen", model="achtergrondtaak").update(app_label="kern")


def inhoudstype_teruggeven(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="kern", model="achtergrondtaak").update(app_label="bronnen")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("kern", "0001_initial"),
        ("bronnen", "0006_delete_achtergrondtaak"),
    ]

    operations = [
        migrations.AlterModelTable(name="achtergrondtaak", table=None),
        migrations.RunPython(inhoudstype_overdragen, inhoudstype_teruggeven),
    ]
