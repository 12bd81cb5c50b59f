from django import forms

ALLOWED_TYPES = {"image/jpeg", "image/png", "application/pdf"}


class ReceiptUploadForm(forms.Form):
    receipt = forms.FileField()
    category = forms.CharField(max_length=60)
    amount = forms.DecimalField(max_digits=10, decimal_places=2)
    spent_on = forms.DateField()
    memo = forms.CharField(widget=forms.Textarea, required=False)

    def clean_receipt(self):
        f = self.cleaned_data["receipt"]
        if f.content_type not in ALLOWED_TYPES:
            raise forms.ValidationError("Upload a JPG, PNG or PDF.")
        if f.size > 10 * 1024 * 1024:
            raise forms.ValidationError("Receipts must be under 10 MB.")
        return f
