from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="Subscription",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("plan", models.CharField(default="free", max_length=10)),
                ("status", models.CharField(default="trialing", max_length=10)),
                ("stripe_customer_id", models.CharField(max_length=64, unique=True)),
            ],
        ),
    ]
