import hashlib
import hmac
from datetime import datetime

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel
from sqlalchemy import select

from ..config import settings
from ..deps import SessionDep
from ..models import BankConnection, ConnectionStatus, Transaction

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


class BankEvent(BaseModel):
    type: str
    connection_id: int
    transactions: list[dict] = []


def _verify(body: bytes, signature: str) -> None:
    expected = hmac.new(settings.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise HTTPException(401, "bad signature")


@router.post("/bank-events")
async def receive_bank_event(request: Request, session: SessionDep, x_signature: str = Header("")):
    """The aggregator calls this when new transactions land or a connection needs re-auth."""
    body = await request.body()
    _verify(body, x_signature)
    event = BankEvent.model_validate_json(body)
    connection = session.get(BankConnection, event.connection_id)
    if connection is None:
        raise HTTPException(404, "unknown connection")

    if event.type == "connection.reauth_required":
        connection.status = ConnectionStatus.NEEDS_REAUTH
    elif event.type == "transactions.added":
        known = set(session.scalars(select(Transaction.external_id).where(Transaction.connection_id == connection.id)))
        for row in event.transactions:
            if row["id"] in known:
                continue
            session.add(
                Transaction(
                    connection_id=connection.id,
                    external_id=row["id"],
                    amount=row["amount"],
                    currency=row["currency"],
                    description=row["description"],
                    merchant=row.get("merchant"),
                    booked_at=datetime.fromisoformat(row["booked_at"]),
                )
            )
        connection.last_synced_at = datetime.utcnow()
    session.commit()
    return {"ok": True}
