import { encodeQr, qrSvgPath } from "@/lib/qr/qr"

const QUIET_ZONE = 4

/** A QR code drawn as one SVG path (byte mode, level M); scales crisply to any size. */
export function QrCode({ value, label, className, testId }: { value: string; label: string; className?: string; testId?: string }) {
  const code = encodeQr(value)
  const extent = code.size + QUIET_ZONE * 2
  return (
    <svg
      className={className}
      viewBox={`0 0 ${extent} ${extent}`}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-qr-version={code.version}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={qrSvgPath(code, QUIET_ZONE)} fill="#1a0f0c" />
    </svg>
  )
}
