import csv
import io
from decimal import Decimal

from fastapi import APIRouter, HTTPException, Query, UploadFile
from sqlalchemy import or_, select

from ..deps import CurrentUser, SessionDep
from ..models import BankConnection, Transaction

router = APIRouter(prefix="/transactions", tags=["transactions"])


@router.get("")
def list_transactions(user: CurrentUser, session: SessionDep, q: str | None = Query(None, max_length=100)):
    stmt = select(Transaction).join(BankConnection).where(BankConnection.user_id == user.id)
    if q:
        like = f"%{q}%"
        stmt = stmt.where(or_(Transaction.description.ilike(like), Transaction.merchant.ilike(like)))
    return session.scalars(stmt.order_by(Transaction.booked_at.desc()).limit(100)).all()


@router.post("/import")
async def import_statement(user: CurrentUser, session: SessionDep, connection_id: int, statement: UploadFile):
    """Manual CSV statement import for banks the aggregator doesn't cover."""
    connection = session.get(BankConnection, connection_id)
    if connection is None or connection.user_id != user.id:
        raise HTTPException(404, "connection not found")
    if statement.content_type not in ("text/csv", "application/vnd.ms-excel"):
        raise HTTPException(415, "upload a CSV export from your bank")
    reader = csv.DictReader(io.StringIO((await statement.read()).decode("utf-8-sig")))
    added = 0
    for row in reader:
        session.add(
            Transaction(
                connection_id=connection.id,
                external_id=f"csv:{row['Date']}:{row['Amount']}:{added}",
                amount=Decimal(row["Amount"]),
                currency=row.get("Currency", "USD"),
                description=row["Description"],
            )
        )
        added += 1
    session.commit()
    return {"imported": added}
