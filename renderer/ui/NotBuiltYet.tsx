/** Said plainly where a workspace is not built yet, instead of a fake screen. */
export function NotBuiltYet({ title, plan }: { title: string; plan: string }) {
  return (
    <section className="workspace not-built" aria-labelledby="not-built-title">
      <h1 id="not-built-title">{title}</h1>
      <div className="notice" role="note">
        <strong>Not built yet.</strong> {plan}
      </div>
    </section>
  );
}
