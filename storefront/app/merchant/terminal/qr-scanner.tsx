"use client"

import { useEffect, useRef, useState } from "react"
import { useI18n } from "@/components/i18n-provider"

// The Shape Detection API is not in TypeScript's DOM library yet: the part we use.
type DetectedBarcode = { rawValue: string; format: string }
type BarcodeDetectorInstance = { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> }
type BarcodeDetectorClass = {
  new (options?: { formats?: string[] }): BarcodeDetectorInstance
  getSupportedFormats?: () => Promise<string[]>
}

function detectorClass(): BarcodeDetectorClass | undefined {
  if (typeof window === "undefined") return undefined
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
}

/** True once we know this browser can read QR codes from the camera (BarcodeDetector + getUserMedia). */
export function useQrScanSupport(): boolean {
  const [supported, setSupported] = useState(false)
  useEffect(() => {
    const Detector = detectorClass()
    if (!Detector || !navigator.mediaDevices?.getUserMedia) return
    let cancelled = false
    const formats = Detector.getSupportedFormats ? Detector.getSupportedFormats() : Promise.resolve(["qr_code"])
    formats
      .then((list) => {
        if (!cancelled) setSupported(list.includes("qr_code"))
      })
      .catch(() => undefined)
    return () => {
      cancelled = true
    }
  }, [])
  return supported
}

const SCAN_INTERVAL_MS = 200

/** Full-screen camera view that reports the first QR code it reads. */
export function QrScanner({ onCode, onCancel }: { onCode: (raw: string) => void; onCancel: () => void }) {
  const { t } = useI18n()
  const videoRef = useRef<HTMLVideoElement>(null)
  const [error, setError] = useState<string>()
  const onCodeRef = useRef(onCode)
  useEffect(() => {
    onCodeRef.current = onCode
  }, [onCode])

  useEffect(() => {
    const Detector = detectorClass()
    if (!Detector) return
    let stream: MediaStream | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const detector = new Detector({ formats: ["qr_code"] })

    const tick = async () => {
      const video = videoRef.current
      if (stopped || !video) return
      if (video.readyState >= 2) {
        try {
          const found = await detector.detect(video)
          const hit = found.find((b) => b.rawValue)
          if (hit && !stopped) {
            stopped = true
            onCodeRef.current(hit.rawValue)
            return
          }
        } catch {
          // a frame that can't be read: try the next one
        }
      }
      timer = setTimeout(tick, SCAN_INTERVAL_MS)
    }

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then(async (s) => {
        stream = s
        if (stopped) return
        const video = videoRef.current
        if (!video) return
        video.srcObject = s
        await video.play().catch(() => undefined)
        void tick()
      })
      .catch((e: unknown) => setError(t("terminal.scanFailed", { message: e instanceof Error ? e.message : String(e) })))

    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      stream?.getTracks().forEach((track) => track.stop())
    }
  }, [t])

  return (
    <div className="terminal-scanner" role="dialog" aria-modal="true" aria-label={t("terminal.scanTitle")} data-testid="terminal-scanner">
      <video ref={videoRef} className="terminal-scanner-video" playsInline muted />
      <div className="terminal-scanner-frame" aria-hidden="true" />
      <p className="terminal-scanner-hint">{error ?? t("terminal.scanTitle")}</p>
      <button type="button" className="btn btn-gold terminal-scanner-cancel" onClick={onCancel}>
        {t("terminal.cancel")}
      </button>
    </div>
  )
}
