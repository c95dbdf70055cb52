// Storage for the Functions host (AzureWebJobsStorage), the deployment package and the verifier's document cache.
// Shared-key access is off: everything authenticates with Entra ID through the managed identity.
param name string
param location string
param tags object
param deploymentContainerName string
param cacheContainerName string
param vnetEnabled bool

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: vnetEnabled ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: vnetEnabled ? 'Deny' : 'Allow'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'

    resource deployment 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource cache 'containers' = {
      name: cacheContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
