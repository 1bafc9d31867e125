import { useEffect, useState } from 'react';
import { type CatalogClient, probeCatalog } from './catalog-client';

/**
 * The relay's catalog when it answers for our token (the desktop host), null
 * when it does not (a browser tab or a guest), undefined while asking.
 */
export function useCatalog(relayUrl: string, token: string | undefined): CatalogClient | null | undefined {
  const [catalog, setCatalog] = useState<CatalogClient | null | undefined>(token ? undefined : null);
  useEffect(() => {
    let current = true;
    void probeCatalog(relayUrl, token).then((client) => {
      if (current) setCatalog(client);
    });
    return () => {
      current = false;
    };
  }, [relayUrl, token]);
  return catalog;
}
