from fastapi import FastAPI

from .routes import transactions, webhooks

app = FastAPI(title="Tallybook bankfeed", version="0.4.0")
app.include_router(webhooks.router)
app.include_router(transactions.router)


@app.get("/healthz")
def healthz() -> dict[str, bool]:
    return {"ok": True}
