import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How often a frame is looked at: enough for a card held still, light on a kiosk's CPU. */
const decodeEveryMs = 150;

/** A QR code's bytes as text: cards write UTF-8 (names with Vietnamese marks). */
function qrText(binary: number[]): string {
  return new TextDecoder('utf-8').decode(Uint8Array.from(binary));
}

/**
 * The kiosk's camera looking for a QR code (getUserMedia + jsQR). The stream is stopped and the
 * frame buffer cleared when it finds one or the screen goes: an ID card's image is sensitive data
 * (Decree 356/2025), nothing of it stays in memory or on screen for the next person.
 */
export function CameraScanner({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (videoRef.current) videoRef.current.srcObject = null;
      context?.clearRect(0, 0, canvas.width, canvas.height);
      canvas.width = 0;
      canvas.height = 0;
    };
    const look = () => {
      const video = videoRef.current;
      if (stopped || !video || !context) return;
      if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        frame.data.fill(0);
        if (code && code.binaryData.length > 0) {
          stop();
          onText(qrText(code.binaryData));
          return;
        }
      }
      timer = setTimeout(look, decodeEveryMs);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped) return stop();
        const video = videoRef.current;
        if (!video) return stop();
        video.srcObject = s;
        await video.play().catch(() => undefined);
        look();
      })
      .catch(() => setFailed(true));
    return stop;
  }, [onText]);

  if (failed) return <p className="body cccd-camera__failed">{t('cccd.cameraFailed')}</p>;
  return (
    <div className="cccd-camera">
      <video ref={videoRef} className="cccd-camera__video" muted playsInline aria-label={t('cccd.cameraLabel')} />
      <p className="body-s">{t('cccd.cameraHint')}</p>
    </div>
  );
}
