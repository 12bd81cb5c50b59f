from django.urls import path

from . import views

app_name = "invoices"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("search/", views.search, name="search"),
    path("receipts/upload/", views.upload_receipt, name="upload-receipt"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/send/", views.send, name="send"),
    path("reports/<int:year>/", views.yearly_report, name="yearly-report"),
]
