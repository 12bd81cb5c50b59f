from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Account, Membership, User

admin.site.register(User, UserAdmin)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ("name", "business_type", "country", "created_at")
    inlines = [MembershipInline]
