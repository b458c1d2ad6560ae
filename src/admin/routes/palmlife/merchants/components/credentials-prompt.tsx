import { Alert, Button, Copy, Prompt, Text } from "@medusajs/ui"
import type { IssuedTerminal } from "../../../../lib/merchants-api"

const Secret = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div className="flex flex-col gap-y-1">
    <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="bg-ui-bg-subtle shadow-borders-base flex items-center justify-between gap-x-2 rounded-md px-3 py-2">
      <code className="txt-compact-small break-all font-mono" data-testid={testId}>
        {value}
      </code>
      <Copy content={value} aria-label={`Copy ${label}`} />
    </div>
  </div>
)

/**
 * Shows a terminal's key id, secret and pairing code the one time the server hands them out.
 * An alert dialog: it closes only through the acknowledgement, not by clicking beside it.
 */
export const CredentialsPrompt = ({ issued, title, onClose }: { issued: IssuedTerminal | null; title: string; onClose: () => void }) => (
  <Prompt open={!!issued} variant="confirmation">
    <Prompt.Content className="max-w-lg">
      <Prompt.Header>
        <Prompt.Title>{title}</Prompt.Title>
        <Prompt.Description>
          {issued ? `${issued.terminal.name}${issued.terminal.store ? ` · ${issued.terminal.store.name}` : ""}` : ""}
        </Prompt.Description>
      </Prompt.Header>
      {issued && (
        <div className="flex flex-col gap-y-4 px-6 pb-6">
          <Alert variant="warning">
            Copy these now: the secret and pairing code are shown only this once and cannot be retrieved later. Anyone with the key id and
            secret can verify and redeem vouchers as this terminal. 請立即保存，此密鑰只顯示一次。
          </Alert>
          <Secret label="Key id (X-Terminal-Key)" value={issued.credentials.key_id} testId="terminal-key-id" />
          <Secret label="Secret" value={issued.credentials.secret} testId="terminal-secret" />
          <Secret label="Pairing code 配對碼 (valid 24 h, single use)" value={issued.credentials.pairing_code} testId="terminal-pairing-code" />
          <Text size="xsmall" className="text-ui-fg-subtle">
            To set up the web terminal, open /merchant/terminal on the device and enter the pairing code; the device then keeps the secret itself.
          </Text>
        </div>
      )}
      <Prompt.Footer>
        <Button size="small" onClick={onClose} data-testid="credentials-saved">
          I have saved these 我已保存
        </Button>
      </Prompt.Footer>
    </Prompt.Content>
  </Prompt>
)
