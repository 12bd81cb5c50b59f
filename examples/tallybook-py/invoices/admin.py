from django.contrib import admin

from .models import Client, Expense, Invoice, LineItem


class LineItemInline(admin.TabularInline):
    model = LineItem
    extra = 1


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ("number", "client", "status", "due_date")
    list_filter = ("status",)
    inlines = [LineItemInline]


admin.site.register(Client)
admin.site.register(Expense)
