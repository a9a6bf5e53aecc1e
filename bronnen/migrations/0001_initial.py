# Datakwaliteitsnotitie moves from monitoring to bronnen without touching the data: monitoring 0001 created the
# tables, this migration takes the models over in Django's state only (db_table still pointing at monitoring's
# tables), monitoring 0003 lets go of them in state only, and bronnen 0002 renames the tables.
#
# The content types (and with them the permissions, admin log entries and group memberships that refer to them)
# move along: monitoring.datakwaliteitsnotitie becomes bronnen.datakwaliteitsnotitie.

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MODELLEN = ("datakwaliteitsnotitie", "historicaldatakwaliteitsnotitie")


def _verhuis_contenttypes(van: str, naar: str):
    def verhuizen(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in MODELLEN:
            if not ContentType.objects.using(db).filter(app_label=naar, model=model).exists():
                ContentType.objects.using(db).filter(app_label=van, model=model).update(app_label=naar)

    return verhuizen


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('monitoring', '0002_financien_piramide_benchmarks_import'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Datakwaliteitsnotitie',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('sleutel', models.SlugField(help_text='Vaste sleutel, zodat het laden idempotent is.', max_length=120, unique=True, verbose_name='sleutel')),
                        ('betreft', models.CharField(help_text="Bijvoorbeeld 'streefwaarde 2023'.", max_length=200, verbose_name='betreft')),
                        ('citaat', models.TextField(verbose_name='citaat uit de bron')),
                        ('bron', models.CharField(max_length=200, verbose_name='bron')),
                        ('toelichting', models.TextField(verbose_name='toelichting')),
                        ('ernst', models.CharField(choices=[('informatie', 'Ter informatie'), ('waarschuwing', 'Waarschuwing: waarde met voorbehoud opgenomen'), ('uitgesloten', 'Uitgesloten: waarde niet opgenomen')], max_length=20, verbose_name='ernst')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                    ],
                    options={
                        'verbose_name': 'datakwaliteitsnotitie',
                        'verbose_name_plural': 'datakwaliteitsnotities',
                        'ordering': ['bron', 'sleutel'],
                        'indexes': [models.Index(fields=['content_type', 'object_id'], name='dq_onderwerp')],
                        'db_table': 'monitoring_datakwaliteitsnotitie',
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalDatakwaliteitsnotitie',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('sleutel', models.SlugField(help_text='Vaste sleutel, zodat het laden idempotent is.', max_length=120, verbose_name='sleutel')),
                        ('betreft', models.CharField(help_text="Bijvoorbeeld 'streefwaarde 2023'.", max_length=200, verbose_name='betreft')),
                        ('citaat', models.TextField(verbose_name='citaat uit de bron')),
                        ('bron', models.CharField(max_length=200, verbose_name='bron')),
                        ('toelichting', models.TextField(verbose_name='toelichting')),
                        ('ernst', models.CharField(choices=[('informatie', 'Ter informatie'), ('waarschuwing', 'Waarschuwing: waarde met voorbehoud opgenomen'), ('uitgesloten', 'Uitgesloten: waarde niet opgenomen')], max_length=20, verbose_name='ernst')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('content_type', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contenttypes.contenttype')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical datakwaliteitsnotitie',
                        'verbose_name_plural': 'historical datakwaliteitsnotities',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                        'db_table': 'monitoring_historicaldatakwaliteitsnotitie',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
            ],
        ),
        migrations.RunPython(
            _verhuis_contenttypes("monitoring", "bronnen"),
            _verhuis_contenttypes("bronnen", "monitoring"),
            elidable=False,
        ),
    ]
