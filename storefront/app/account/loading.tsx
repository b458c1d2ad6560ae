export default function Loading() {
  return (
    <div className="loading" data-testid="loading" aria-busy="true">
      <div className="skeleton skeleton-line" />
      <div className="skeleton skeleton-card-wide" />
      <div className="skeleton skeleton-card-wide" />
    </div>
  )
}
