import Link from 'next/link';

type Props = { title: string; body: string; actionHref?: string; actionLabel?: string };

export function EmptyState({ title, body, actionHref, actionLabel }: Props) {
  return (
    <section className="flex flex-col items-center gap-3 rounded-lg border border-dashed p-12 text-center">
      <h2 className="text-lg font-medium">{title}</h2>
      <p className="max-w-md text-sm text-gray-600">{body}</p>
      {actionHref && actionLabel ? (
        <Link className="btn btn-primary" href={actionHref}>
          {actionLabel}
        </Link>
      ) : null}
    </section>
  );
}
