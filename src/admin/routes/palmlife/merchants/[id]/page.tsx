import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, type UIMatch, useParams } from "react-router-dom"
import { errorMessage, type Merchant, useMerchant, useMerchantStores } from "../../../../lib/merchants-api"
import { sdk } from "../../../../lib/sdk"
import { MerchantGeneralSection } from "../components/merchant-general-section"
import { StoresSection } from "../components/stores-section"
import { TerminalsSection } from "../components/terminals-section"

const MerchantDetailPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useMerchant(id)
  const stores = useMerchantStores(id)
  // "Add terminal" on a store row opens the terminal drawer for that store
  const [createTerminalFor, setCreateTerminalFor] = useState<string | null>(null)

  if (isLoading) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      </Container>
    )
  }
  if (isError || !data) {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4">
        <Heading>Merchant not found</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {errorMessage(error)}
        </Text>
        <Link to="/palmlife/merchants" className="text-ui-fg-interactive txt-small hover:underline">
          Back to merchants
        </Link>
      </Container>
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <MerchantGeneralSection merchant={data.merchant} />
      <StoresSection merchantId={id} onAddTerminal={setCreateTerminalFor} />
      <TerminalsSection
        merchantId={id}
        stores={stores.data?.stores ?? []}
        createFor={createTerminalFor}
        onCreateForHandled={() => setCreateTerminalFor(null)}
      />
    </div>
  )
}

// The breadcrumb names the merchant; a failed lookup still renders the page, which says why.
export async function loader({ params }: { params: { id?: string } }) {
  try {
    return await sdk.client.fetch<{ merchant: Merchant }>(`/admin/merchants/${params.id}`)
  } catch {
    return null
  }
}

export const handle = {
  breadcrumb: (match: UIMatch<{ merchant: Merchant } | null>) => match.data?.merchant.name ?? "Merchant",
}

export default MerchantDetailPage
