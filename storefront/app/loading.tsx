export default function Loading() {
  return (
    <div className="loading" data-testid="loading" aria-busy="true">
      <div className="skeleton skeleton-hero" />
      <div className="grid-products">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="skeleton skeleton-card" />
        ))}
      </div>
    </div>
  )
}
